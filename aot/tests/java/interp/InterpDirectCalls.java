import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Calls between interpreted methods (taken directly, without the native convention) and
 * between interpreted and compiled code: every argument and return type, register and stack
 * argument counts, virtual/interface/super/static dispatch mixing interpreted and compiled
 * targets, exceptions and stack traces across calls, synchronized callees, deep recursion
 * ending in StackOverflowError, and compiled code calling back into interpreted code.
 */
public class InterpDirectCalls {
    interface Shape {
        double area();

        default String describe() {
            return name() + " " + area();
        }

        String name();
    }

    static class Square implements Shape {
        final double side;

        Square(double side) {
            this.side = side;
        }

        public double area() {
            return side * side;
        }

        public String name() {
            return "square";
        }
    }

    static class Cube extends Square {
        Cube(double side) {
            super(side);
        }

        @Override
        public double area() {
            return 6 * super.area();
        }

        @Override
        public String name() {
            return "cube";
        }

        @Override
        public String toString() {
            return "Cube(" + side + ")";
        }
    }

    static boolean flip(boolean b) {
        return !b;
    }

    static byte nextByte(byte b) {
        return (byte) (b + 1);
    }

    static char nextChar(char c) {
        return (char) (c + 1);
    }

    static short nextShort(short s) {
        return (short) (s + 1);
    }

    static long mix(int a, long b, float c, double d, Object e, boolean f, byte g, char h, short i) {
        return a + b + (long) c + (long) d + (e == null ? 0 : e.hashCode() % 7) + (f ? 1 : 0) + g + h + i;
    }

    static double manyDoubles(double a, double b, double c, double d, double e, double f,
            double g, double h, double i, double j, float k) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j + 11 * k;
    }

    static long manyInts(int a, long b, int c, long d, int e, long f, int g, long h, String s) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + s.length();
    }

    int counter;

    synchronized int bump(int by) {
        counter += by;
        return counter;
    }

    static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static int depth;

    static void recurse() {
        depth++;
        recurse();
    }

    static int thrower(int n) {
        if (n == 0) {
            throw new IllegalStateException("bottom");
        }
        return thrower(n - 1) + 1;
    }

    static int divide(int a, int b) {
        return a / b;
    }

    public static void main(String[] args) {
        System.out.println(flip(true) + " " + flip(false));
        System.out.println(nextByte((byte) 127) + " " + nextChar('y') + " " + (int) nextChar('\uffff')
                + " " + nextShort((short) 32767));
        System.out.println(mix(1, 2L, 3.5f, 4.25, "x", true, (byte) -5, 'A', (short) -300));
        System.out.println(mix(-1, Long.MAX_VALUE, -3.5f, 1e10, null, false, (byte) 0, '\0', (short) 0));
        System.out.println(manyDoubles(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11.5f));
        System.out.println(manyInts(1, 2, 3, 4, 5, 6, 7, 8, "nine"));

        List<Shape> shapes = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            shapes.add(i % 2 == 0 ? new Cube(i) : new Square(i));
        }
        double total = 0;
        for (Shape s : shapes) {
            total += s.area();
            System.out.println(s.describe());
        }
        System.out.println("total " + total);

        Object[] objs = {new Cube(2), "compiled", 42, new Square(3)};
        for (Object o : objs) {
            String t = o.toString();
            System.out.println(t.startsWith("InterpDirectCalls$Square@") ? "square object" : t);
        }

        shapes.sort((a, b) -> Double.compare(b.area(), a.area()));
        for (Shape s : shapes) {
            System.out.print(s.name() + ":" + s.area() + " ");
        }
        System.out.println();
        List<Integer> nums = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nums.add(fib(i));
        }
        Collections.sort(nums, (a, b) -> Integer.compare(b % 5, a % 5) != 0 ? Integer.compare(b % 5, a % 5) : a - b);
        System.out.println(nums);

        InterpDirectCalls c = new InterpDirectCalls();
        int last = 0;
        for (int i = 0; i < 1000; i++) {
            last = c.bump(i);
        }
        System.out.println("counter " + last);
        System.out.println("fib " + fib(22));

        try {
            thrower(50);
        } catch (IllegalStateException e) {
            StackTraceElement[] st = e.getStackTrace();
            System.out.println(e.getMessage() + " " + st[0].getMethodName() + " " + st.length);
        }
        try {
            System.out.println(divide(7, 0));
        } catch (ArithmeticException e) {
            System.out.println("caught " + e.getMessage() + " in " + e.getStackTrace()[0].getMethodName());
        }
        try {
            recurse();
        } catch (StackOverflowError e) {
            System.out.println("stack overflow after many frames: " + (depth > 1000));
        }
        depth = 0;
        try {
            recurse();
        } catch (StackOverflowError e) {
            System.out.println("again: " + (depth > 1000));
        }
        System.out.println("fib after overflow " + fib(15));
    }
}
