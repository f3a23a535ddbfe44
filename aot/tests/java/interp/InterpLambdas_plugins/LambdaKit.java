import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

public class LambdaKit implements InterpLambdas.Kit {
    private int calls;

    public Function<String, String> decorator(String suffix) {
        Function<String, String> base = s -> "[" + s + suffix + "]";
        return base.compose(String::trim).andThen(s -> s + " #" + (++calls));
    }

    public IntBinaryOperator combiner(int bias) {
        return (a, b) -> a * b + bias;
    }

    public Supplier<List<String>> listMaker() {
        return ArrayList::new;
    }

    public ToIntFunction<String> measure() {
        return String::length;
    }

    public Function<Integer, Long> square() {
        return LambdaKit::sq;
    }

    private static long sq(int x) {
        return (long) x * x;
    }

    public Runnable counter(int[] box) {
        return () -> box[0] += 10;
    }

    public List<String> sortByLength(List<String> words) {
        words.sort(Comparator.comparing(String::length).thenComparing(Comparator.reverseOrder()));
        return words;
    }
}
