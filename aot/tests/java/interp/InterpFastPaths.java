/**
 * The interpreter's pre-decoded fast paths (runtime/src/interp/fast.rs): typed arithmetic
 * at its edges, conversions, comparisons with NaN, wide locals reused for other types,
 * array accesses (bounds, null, helpful NPE messages), cached field and call-site
 * resolution (statics before and after initialization, virtual and interface dispatch to
 * several receivers), exceptions thrown by fast operations caught in the same method, and
 * stack-trace line numbers of instructions that throw.
 */
public class InterpFastPaths {
    interface Shape { double area(); }
    static final class Sq implements Shape { final double s; Sq(double s) { this.s = s; } public double area() { return s * s; } }
    static final class Circ implements Shape { final double r; Circ(double r) { this.r = r; } public double area() { return 3.0 * r * r; } }
    static class Counter { int n; long total; double avg; Counter next; }
    static class Lazy { static int value = init(); static int init() { System.out.println("Lazy init"); return 42; } }

    static int counter;

    static int divide(int a, int b) { return a / b; }

    static long mix(long a, int s) { return (a << s) ^ (a >>> s) ^ (a >> 3) + a * 31 - (a & 0xff) | 1L; }

    public static void main(String[] args) {
        int[] ints = {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 7, -7};
        for (int a : ints) {
            for (int b : ints) {
                int s = a + b, d = a - b, m = a * b;
                String q = b == 0 ? "div0" : (a / b) + "," + (a % b);
                System.out.println(a + " " + b + ": " + s + " " + d + " " + m + " " + q + " "
                    + (a << b) + " " + (a >> b) + " " + (a >>> b) + " " + (a & b) + " " + (a | b) + " " + (a ^ b));
            }
        }
        long acc = 1;
        for (int i = 0; i < 70; i++) acc = mix(acc + i, i);
        System.out.println("mix " + acc + " " + (acc / 7) + " " + (acc % 1000) + " " + Long.compare(acc, -acc));
        double[] ds = {0.0, -0.0, 1.5, -2.5, Double.NaN, Double.POSITIVE_INFINITY, 1e300, 3e9};
        for (double x : ds) {
            for (double y : ds) {
                System.out.println(x + " " + y + ": " + (x + y) + " " + (x - y) + " " + (x * y) + " " + (x / y) + " " + (x % y)
                    + " " + (x < y) + " " + (x > y) + " " + (x == y) + " " + (int) x + " " + (long) x + " " + (float) x);
            }
        }
        float fsum = 0;
        for (int i = 1; i < 100; i++) fsum += 1.0f / i;
        System.out.println("fsum " + fsum + " " + (fsum > 5.0f) + " " + (int) fsum + " " + (double) fsum);
        // A wide local reused for ints, then for a double again.
        long wide = 5_000_000_000L;
        int w0 = (int) wide;
        double dd = wide * 0.5;
        System.out.println("wide " + wide + " " + w0 + " " + dd + " " + (byte) 300 + " " + (char) 65601 + " " + (short) 70000);
        try { System.out.println(divide(1, 0)); } catch (ArithmeticException e) { System.out.println("caught " + e.getMessage()); }
        try { long z = 0; System.out.println(5L % z); } catch (ArithmeticException e) { System.out.println("caught long " + e.getMessage()); }
        int[] arr = new int[4];
        try { arr[4] = 1; } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        try { System.out.println(arr[-1]); } catch (ArrayIndexOutOfBoundsException e) { System.out.println(e.getMessage()); }
        boolean[] flags = new boolean[3];
        flags[1] = true;
        byte[] bytes = {(byte) 200, 5};
        char[] chars = {'a', 'Z'};
        short[] shorts = {-3, 30000};
        long[] longs = {Long.MIN_VALUE, 9};
        double[] dbl = new double[2];
        dbl[1] = 2.25;
        float[] fl = {0.1f};
        System.out.println(flags[0] + " " + flags[1] + " " + bytes[0] + " " + chars[1] + " " + shorts[1] + " " + longs[0] + " " + dbl[1] + " " + fl[0] + " " + arr.length);
        int[] nothing = null;
        try { System.out.println(nothing[0]); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        try { System.out.println(nothing.length); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        Counter c = new Counter();
        for (int i = 0; i < 1000; i++) { c.n++; c.total += i; c.avg = (double) c.total / c.n; }
        System.out.println("counter " + c.n + " " + c.total + " " + c.avg);
        try { System.out.println(c.next.n); } catch (NullPointerException e) { System.out.println(e.getMessage()); }
        for (int i = 0; i < 3; i++) { counter += 10; }
        System.out.println("static " + counter);
        for (int i = 0; i < 2; i++) { System.out.println("before " + i); System.out.println("lazy " + Lazy.value); }
        Shape[] shapes = {new Sq(2), new Circ(1), new Sq(3), null};
        double total = 0;
        for (int round = 0; round < 3; round++) {
            for (Shape s : shapes) {
                try { total += s.area(); } catch (NullPointerException e) { if (round == 0) System.out.println(e.getMessage()); }
            }
        }
        System.out.println("total " + total);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) sb.append(i).append(i % 2 == 0 ? "e" : "o");
        System.out.println(sb);
        try {
            int[] small = new int[2];
            for (int i = 0; ; i++) small[i] = i;
        } catch (ArrayIndexOutOfBoundsException e) {
            StackTraceElement top = e.getStackTrace()[0];
            System.out.println("thrown at " + top.getMethodName() + ":" + top.getLineNumber());
        }
        System.out.println(divide(10, 0));
    }
}
