// Math and StrictMath results bit for bit: checksums of the result bits per function and
// class over deterministic inputs (special values, subnormals, huge arguments, neighbours of
// multiples of pi/2, random values from an LCG), and the values themselves for a few inputs.
// Math.pow is left out: roast does not replay HotSpot's pow intrinsic yet (ARCHITECTURE.md).
public class MathBits {
    static long seed = 0x2545F4914F6CDD1DL;

    static long next() {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        return seed;
    }

    /** Uniform in [0, 1). */
    static double uniform() {
        return (next() >>> 11) * 0x1.0p-53;
    }

    static final double[] SPECIAL = {
        0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, 3.0, 10.0, 100.0, 0.1, 1e-300, 1e300, -1e300, 1e22, 1e200,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
        Double.MIN_NORMAL, 0x1p-1030, Double.MAX_VALUE, -Double.MAX_VALUE, 0x1p-28, 0x1p-30, 0x1p-54,
        709.78, 710.0, -745.1, -745.2, 22.0, 23.0, 0x1p20, 0x1p52, 0x1p1023, 1e10, 1e18, 1e19,
    };

    static double[] inputs() {
        int n = SPECIAL.length + 3 * 401 + 2 * 59 + 4 * 2500 + 1000 + 1000;
        double[] xs = new double[n];
        int i = 0;
        for (double d : SPECIAL) xs[i++] = d;
        for (int k = -200; k <= 200; k++) {
            double b = k * (Math.PI / 2);
            xs[i++] = b;
            xs[i++] = Math.nextUp(b);
            xs[i++] = Math.nextDown(b);
        }
        for (int k = 1; k < 60; k++) {
            double b = Math.scalb(Math.PI / 2, k * 17);
            xs[i++] = b;
            xs[i++] = -b;
        }
        for (int k = 0; k < 2500; k++) xs[i++] = uniform() * 2 - 1;
        for (int k = 0; k < 2500; k++) xs[i++] = uniform() * 20 - 10;
        for (int k = 0; k < 2500; k++) xs[i++] = uniform() * 2000 - 1000;
        for (int k = 0; k < 2500; k++) {
            double m = Math.scalb(uniform() + 0.5, (int) (next() >>> 58) - 32);
            xs[i++] = (next() & 1) == 0 ? m : -m;
        }
        for (int k = 0; k < 1000; k++) xs[i++] = Double.longBitsToDouble(next());
        for (int k = 0; k < 1000; k++) xs[i++] = Math.scalb(uniform() + 0.5, (int) ((next() >>> 53) % 2100) - 1075);
        return xs;
    }

    interface F1 {
        double apply(double x);
    }

    interface F2 {
        double apply(double x, double y);
    }

    static String hex(long h) {
        return Long.toHexString(h);
    }

    static long mix(long h, double r) {
        h ^= Double.doubleToLongBits(r);
        h *= 0x100000001B3L;
        return h ^ (h >>> 29);
    }

    static void check1(String name, double[] xs, F1 strict, F1 math) {
        long hs = 17, hm = 17;
        int differ = 0;
        for (double x : xs) {
            double s = strict.apply(x), m = math.apply(x);
            hs = mix(hs, s);
            hm = mix(hm, m);
            if (Double.doubleToLongBits(s) != Double.doubleToLongBits(m)) differ++;
        }
        System.out.println(name + ": StrictMath " + hex(hs) + " Math " + hex(hm) + " (" + differ + " of " + xs.length + " differ)");
    }

    /** Checksums of both classes; `math` null: StrictMath only (Math.pow is a known gap). */
    static void check2(String name, double[] xs, double[] ys, F2 strict, F2 math) {
        long hs = 17, hm = 17;
        int differ = 0;
        for (int i = 0; i < xs.length; i++) {
            double s = strict.apply(xs[i], ys[i]);
            hs = mix(hs, s);
            if (math != null) {
                double m = math.apply(xs[i], ys[i]);
                hm = mix(hm, m);
                if (Double.doubleToLongBits(s) != Double.doubleToLongBits(m)) differ++;
            }
        }
        if (math == null) {
            System.out.println(name + ": StrictMath " + hex(hs));
        } else {
            System.out.println(name + ": StrictMath " + hex(hs) + " Math " + hex(hm) + " (" + differ + " of " + xs.length + " differ)");
        }
    }

    public static void main(String[] args) {
        double[] xs = inputs();
        check1("sin", xs, StrictMath::sin, Math::sin);
        check1("cos", xs, StrictMath::cos, Math::cos);
        check1("tan", xs, StrictMath::tan, Math::tan);
        check1("asin", xs, StrictMath::asin, Math::asin);
        check1("acos", xs, StrictMath::acos, Math::acos);
        check1("atan", xs, StrictMath::atan, Math::atan);
        check1("exp", xs, StrictMath::exp, Math::exp);
        check1("log", xs, StrictMath::log, Math::log);
        check1("log10", xs, StrictMath::log10, Math::log10);
        check1("sqrt", xs, StrictMath::sqrt, Math::sqrt);
        check1("cbrt", xs, StrictMath::cbrt, Math::cbrt);
        check1("sinh", xs, StrictMath::sinh, Math::sinh);
        check1("cosh", xs, StrictMath::cosh, Math::cosh);
        check1("tanh", xs, StrictMath::tanh, Math::tanh);
        check1("expm1", xs, StrictMath::expm1, Math::expm1);
        check1("log1p", xs, StrictMath::log1p, Math::log1p);

        // Two-argument functions: pairs from the inputs, plus pow with moderate exponents
        // (integral for a third of them) of |x|.
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) ys[i] = xs[(int) ((next() >>> 1) % xs.length)];
        check2("atan2", xs, ys, StrictMath::atan2, Math::atan2);
        check2("hypot", xs, ys, StrictMath::hypot, Math::hypot);
        check2("IEEEremainder", xs, ys, StrictMath::IEEEremainder, Math::IEEEremainder);
        check2("pow", xs, ys, StrictMath::pow, null);
        double[] bases = new double[xs.length];
        double[] exps = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            bases[i] = Math.abs(xs[i]);
            exps[i] = uniform() * 40 - 20;
            if (i % 3 == 0) exps[i] = Math.rint(exps[i]);
        }
        check2("pow(|x|, y)", bases, exps, StrictMath::pow, null);

        double[] few = {0.5, -2.5, 1e300, 1e-5, 7.0, Math.PI / 2, 1e6 * Math.PI, 123456.789};
        for (double x : few) {
            System.out.println("x=" + x + " sin " + StrictMath.sin(x) + " " + Math.sin(x)
                    + " cos " + StrictMath.cos(x) + " " + Math.cos(x)
                    + " tan " + StrictMath.tan(x) + " " + Math.tan(x));
            double a = Math.abs(x);
            System.out.println("  log " + StrictMath.log(a) + " " + Math.log(a)
                    + " log10 " + StrictMath.log10(a) + " " + Math.log10(a)
                    + " exp " + StrictMath.exp(x / 100) + " " + Math.exp(x / 100)
                    + " pow " + StrictMath.pow(a, 1.37));
            System.out.println("  asin " + StrictMath.asin(x / 1e7) + " acos " + StrictMath.acos(x / 1e7)
                    + " atan2 " + StrictMath.atan2(x, 3) + " sinh " + StrictMath.sinh(x / 1e3)
                    + " cosh " + StrictMath.cosh(x / 1e3) + " tanh " + StrictMath.tanh(x / 10)
                    + " expm1 " + StrictMath.expm1(x / 1e3) + " log1p " + StrictMath.log1p(a));
        }
    }
}
