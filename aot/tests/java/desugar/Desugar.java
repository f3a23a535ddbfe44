import java.io.Serializable;
import java.util.*;
import java.util.function.*;

/** invokedynamic expanded at compile time: string concatenation, lambdas, method references, records. */
public class Desugar {
    record Point(int x, int y, String name) {}
    record Mixed(long l, float f, double d, char c, boolean b, byte by, short s, Object o) {}
    interface Shape { double area(); }
    interface Named extends Serializable { String name(); }

    static int counter = 0;
    static String tick(String s) { counter++; return s + counter; }

    public static void main(String[] args) {
        int k = 3; long big = 1L << 40; double d = 0.1 + 0.2; char c = 'z'; float f = 1.5f;
        boolean t = true; byte b = -7; short sh = 300; Object nul = null; int[] arr = null;
        System.out.println("k=" + k + " big=" + big + " d=" + d + " c=" + c + " f=" + f + " t=" + t
                + " b=" + b + " sh=" + sh + " null=" + nul + " arr=" + arr + "\u00e9\u4e2d");
        System.out.println(tick("a") + tick("b") + tick("c") + " " + counter);
        String s = "x"; s += 1; s += 'c'; s += 2.5; System.out.println(s);
        Function<Integer, Integer> sq = x -> x * x;
        Supplier<String> sup = () -> "sup" + k;
        BiFunction<String, Integer, String> rep = String::repeat;
        IntBinaryOperator add = Integer::sum;
        ToLongFunction<String> len = String::length;
        Function<String, StringBuilder> ctor = StringBuilder::new;
        IntFunction<int[]> mkArr = int[]::new;
        System.out.println(sq.apply(7) + " " + sup.get() + " " + rep.apply("ab", 3) + " " + add.applyAsInt(2, 40)
                + " " + len.applyAsLong("four") + " " + ctor.apply("sb").reverse() + " " + mkArr.apply(5).length);
        List<Supplier<String>> made = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int captured = i;
            made.add(() -> "s");
            made.add(() -> "c" + captured);
        }
        System.out.println("non-capturing lambda shared: " + (made.get(0) == made.get(2))
                + ", capturing lambda fresh: " + (made.get(1) != made.get(3)) + " " + made.get(3).get());
        Named n = () -> "serializable";
        System.out.println(n.name() + " " + (n instanceof Serializable));
        Runnable marked = (Runnable & Cloneable & Serializable) () -> System.out.println("marked lambda ran");
        marked.run();
        System.out.println("markers: " + (marked instanceof Cloneable) + " " + (marked instanceof Serializable));
        Point p = new Point(1, 2, "pt");
        System.out.println(p + " " + p.equals(new Point(1, 2, "pt")) + " " + p.equals(new Point(1, 3, "pt"))
                + " " + (p.hashCode() == new Point(1, 2, "pt").hashCode()) + " " + p.hashCode());
        Mixed m = new Mixed(5L, 2.5f, -0.0, 'q', true, (byte) 1, (short) 2, List.of(1));
        System.out.println(m + " " + m.hashCode() + " " + m.equals(new Mixed(5L, 2.5f, 0.0, 'q', true, (byte) 1, (short) 2, List.of(1))));
        List<Integer> xs = new ArrayList<>();
        for (int i = 0; i < 10; i++) xs.add(i * 7 % 10);
        xs.sort(Comparator.reverseOrder());
        System.out.println(xs);
        Map<String, Integer> map = new TreeMap<>();
        map.put("b", 2); map.put("a", 1);
        map.forEach((key, v) -> System.out.println(key + "->" + v));
        Shape shape = () -> 2.5;
        System.out.println(shape.area());
        Runnable r = Desugar::hello; r.run();
        Comparator<String> cmp = Comparator.comparing(String::length);
        System.out.println(cmp.compare("aa", "b"));
        Predicate<String> isEmpty = String::isEmpty;
        System.out.println(isEmpty.negate().test("") + " " + isEmpty.or(x -> x.startsWith("q")).test("qq"));
    }

    static void hello() { System.out.println("hello from a method reference"); }
}
