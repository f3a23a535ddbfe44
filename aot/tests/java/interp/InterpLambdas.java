import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/** Lambdas and method references made by interpreted code, used by compiled code. */
public class InterpLambdas {
    public interface Kit {
        Function<String, String> decorator(String suffix);
        IntBinaryOperator combiner(int bias);
        Supplier<List<String>> listMaker();
        ToIntFunction<String> measure();
        Function<Integer, Long> square();
        Runnable counter(int[] box);
        List<String> sortByLength(List<String> words);
    }

    public static String shout(String s) { return s.toUpperCase() + "!"; }

    public static void main(String[] args) throws Exception {
        URL url = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{url}, InterpLambdas.class.getClassLoader())) {
            Kit k = (Kit) loader.loadClass("LambdaKit").getDeclaredConstructor().newInstance();
            Function<String, String> d = k.decorator(" :)");
            System.out.println(d.apply("hi") + " " + d.andThen(InterpLambdas::shout).apply("yo"));
            System.out.println(k.combiner(100).applyAsInt(3, 4));
            List<String> l = k.listMaker().get();
            l.add("x");
            System.out.println(l + " " + l.getClass().getSimpleName());
            System.out.println(k.measure().applyAsInt("four"));
            System.out.println(k.square().apply(12345));
            int[] box = {0};
            Runnable r = k.counter(box);
            r.run();
            r.run();
            System.out.println("box " + box[0]);
            System.out.println(k.sortByLength(new ArrayList<>(List.of("ccc", "a", "bb", "dddd", "ee"))));
            System.out.println("lambda is hidden-class-like: " + d.getClass().isSynthetic());
        }
    }
}
