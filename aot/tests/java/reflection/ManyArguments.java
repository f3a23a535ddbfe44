import java.lang.reflect.*;

/** Reflective calls whose arguments do not all fit in registers: integer-class, float and
 *  double arguments past the sixth/eighth travel on the stack, interleaved in order. */
public class ManyArguments {
    final String summary;

    ManyArguments(int a, long b, String c, byte d, short e, char f, boolean g, Object h) {
        summary = a + "," + b + "," + c + "," + d + "," + e + "," + f + "," + g + "," + h;
    }

    static String ints(int a, int b, int c, int d, int e, int f, int g, int h, int i, long j) {
        return a + " " + b + " " + c + " " + d + " " + e + " " + f + " " + g + " " + h + " " + i + " " + j;
    }

    static double mixed(double a, float b, int c, double d, float e, double f, float g, double h,
                        long i, double j, float k, int l, double m, String n, float o) {
        return a + b + c + d + e + f + g + h + i + j + k + l + m + n.length() + o;
    }

    String instance(long a, long b, long c, long d, long e, long f, double g, String h) {
        return summary + "|" + (a + b + c + d + e + f) + "|" + g + "|" + h;
    }

    float floats(float a, float b, float c, float d, float e, float f, float g, float h, float i, float j) {
        return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
    }

    public static void main(String[] args) throws Exception {
        Constructor<ManyArguments> k = ManyArguments.class.getDeclaredConstructor(
                int.class, long.class, String.class, byte.class, short.class, char.class, boolean.class, Object.class);
        ManyArguments m = k.newInstance(1, 2L, "three", (byte) 4, (short) 5, 'x', true, 8.5);
        System.out.println("constructor " + m.summary);
        Method ints = ManyArguments.class.getDeclaredMethod("ints", int.class, int.class, int.class, int.class,
                int.class, int.class, int.class, int.class, int.class, long.class);
        System.out.println("ints " + ints.invoke(null, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1L << 40));
        Method mixed = ManyArguments.class.getDeclaredMethod("mixed", double.class, float.class, int.class, double.class,
                float.class, double.class, float.class, double.class, long.class, double.class, float.class, int.class,
                double.class, String.class, float.class);
        System.out.println("mixed " + mixed.invoke(null, 0.5, 1.25f, 3, 4.5, 5.75f, 6.0, 7.5f, 8.25, 9L, 10.5, 11.5f, 12, 13.25, "fourteen", 15.5f));
        Method instance = ManyArguments.class.getDeclaredMethod("instance", long.class, long.class, long.class,
                long.class, long.class, long.class, double.class, String.class);
        System.out.println("instance " + instance.invoke(m, 1L, 2L, 3L, 4L, 5L, 6L, 7.5, "eight"));
        Method floats = ManyArguments.class.getDeclaredMethod("floats", float.class, float.class, float.class, float.class,
                float.class, float.class, float.class, float.class, float.class, float.class);
        System.out.println("floats " + floats.invoke(m, 1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f, 9.5f, 10.25f));
        try {
            ints.invoke(null, 1, 2, 3);
        } catch (IllegalArgumentException e) {
            System.out.println("wrong count: " + e.getMessage());
        }
    }
}
