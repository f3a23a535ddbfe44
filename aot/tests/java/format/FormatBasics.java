import java.util.Formatter;
import java.util.Random;

/** String.format / printf / Formatter with the default locale, and java.util.Random. */
public class FormatBasics {
    public static void main(String[] args) {
        System.out.println(String.format("%d|%5d|%-5d|%05d|%+d|%(d", 42, 7, 7, 7, 7, -7));
        System.out.println(String.format("%s|%10s|%-10s|%.3s|%S", "abc", "abc", "abc", "abcdef", "abc"));
        System.out.println(String.format("%,d|%,d|%,.2f|%,d", 1234567, -9876543210L, 1234567.891, 0));
        System.out.println(String.format("%.2f|%f|%10.4f|%-10.1f|%08.3f|%.0f", 3.14159, 2.5, -1.5, 9.99, 3.14159, 2.5));
        System.out.println(String.format("%e|%.3e|%E|%g|%.3g|%a", 12345.678, 0.000123, 1e10, 0.0001234, 98765.4, 1.0));
        System.out.println(String.format("%x|%X|%08x|%#x|%o|%#o|%x", 255, 255, 255, 255, 8, 8, -1));
        System.out.println(String.format("%b|%b|%b|%B", true, null, "x", false));
        System.out.println(String.format("%c|%c|%C|%%|%n", 'z', 65, 'q').trim());
        System.out.println(String.format("%2$s %1$s %2$s", "a", "b"));
        System.out.println(String.format("%h|%s|%s", "hi", null, 1.5f));
        System.out.println(String.format("%d|%d|%d|%d", (byte) -1, (short) 300, Long.MIN_VALUE, new java.math.BigInteger("123456789012345678901234567890")));
        System.out.println(String.format("%.3f|%,.1f", new java.math.BigDecimal("2.71828"), new java.math.BigDecimal("1234567.25")));
        System.out.println(String.format("%f|%f|%f|%.2f", Double.NaN, Double.POSITIVE_INFINITY, -0.0, 1e300));
        System.out.printf("printf %d %s %.1f%n", 1, "two", 3.0);
        System.out.println("formatted %03d".formatted(5));
        StringBuilder sb = new StringBuilder();
        Formatter f = new Formatter(sb);
        f.format("%s=%d;", "x", 1).format("%s=%d;", "y", 2);
        System.out.println(f.toString());
        try {
            String.format("%d", "not a number");
        } catch (java.util.IllegalFormatConversionException e) {
            System.out.println("IllegalFormatConversionException " + e.getMessage());
        }
        try {
            String.format("%q", 1);
        } catch (java.util.UnknownFormatConversionException e) {
            System.out.println("UnknownFormatConversionException " + e.getMessage());
        }
        Random r = new Random(42);
        System.out.println(r.nextInt() + " " + r.nextInt(100) + " " + r.nextLong() + " " + r.nextBoolean());
        System.out.println(String.format("%.6f %.6f", r.nextDouble(), r.nextGaussian()));
        Random unseeded = new Random();
        int v = unseeded.nextInt(10);
        System.out.println("unseeded in range: " + (v >= 0 && v < 10));
        System.out.println(String.format("%08.2f|%-8s|%8s|", -3.5, "L", "R"));
    }
}
