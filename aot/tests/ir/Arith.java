class Arith {
    static long longs(long a, long b, int s) {
        return (a * b + a / b - a % b) << s ^ (a >>> 3) | (b >> 2) & ~a;
    }

    static double doubles(double a, float b) {
        return a / b + (a % 2.5) - (double) (float) a + (-a);
    }

    static int conversions(double d, float f, long l) {
        return (int) d + (int) f + (int) l + (byte) l + (char) l + (short) l + (int) (long) d;
    }

    static boolean compares(double a, double b, float c, long x, long y) {
        return a < b || c > 1.0f || x == y || a >= b && c <= 2.0f;
    }

    static int divide(int a, int b) {
        return a / b + a % b;
    }
}
