import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Valid javac output the verifier must accept: uninitialized objects across branches, an
 * inner-class constructor that stores before super(), handlers with long locals, finally,
 * string switches, merges of different classes into an interface type, synchronized blocks,
 * lambdas, protected access through the current class.
 */
public class Tricky implements Supplier<String> {
    static class Box {
        final Object value;
        Box(Object value) { this.value = value; }
        protected String show() { return "Box(" + value + ")"; }
    }

    static class SubBox extends Box {
        SubBox(boolean flag, String a, Integer b) { super(flag ? a : b); }
        String both(SubBox other) { return show() + "/" + other.show(); }
    }

    class Inner {
        final int k;
        Inner(int k) { this.k = k + base; }
    }

    int base = 10;

    static long sumWithHandlers(int[] xs) {
        long total = 0;
        double scale = 1.5;
        for (int i = 0; i <= xs.length; i++) {
            try {
                total += 100 / xs[i];
            } catch (ArithmeticException e) {
                total -= 1;
            } catch (ArrayIndexOutOfBoundsException e) {
                total += (long) scale;
            } finally {
                scale *= 2;
            }
        }
        return total;
    }

    static String kind(String s) {
        switch (s) {
            case "a": return "first";
            case "b": case "c": return "second";
            default: return s.isEmpty() ? "empty" : "other";
        }
    }

    static CharSequence pick(int i) {
        CharSequence cs = i > 0 ? new StringBuilder("sb" + i) : "str";
        Comparable<?> c = i % 2 == 0 ? Integer.valueOf(i) : (Comparable<?>) "odd";
        return cs + ":" + c;
    }

    @Override
    public String get() {
        List<String> out = new ArrayList<>();
        out.add(new SubBox(true, "s", 1).both(new SubBox(false, "t", 2)));
        out.add(String.valueOf(new Inner(5).k));
        out.add(String.valueOf(sumWithHandlers(new int[]{5, 0, 20})));
        for (String s : new String[]{"a", "b", "c", "", "zz"}) out.add(kind(s));
        out.add(pick(3).toString());
        out.add(pick(-2).toString());
        Object lock = new Object();
        synchronized (lock) {
            Supplier<Integer> sup = () -> base * 2;
            out.add("lambda " + sup.get());
        }
        long[] cells = new long[3];
        cells[2] = 7L;
        out.add("cells " + cells[2] + " " + cells.length);
        return String.join(",", out);
    }
}
