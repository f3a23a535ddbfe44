import java.lang.reflect.Array;
import java.util.Arrays;

public class ArrayErrors {
    interface Op { void run() throws Exception; }
    static void t(String what, Op op) {
        try { op.run(); System.out.println(what + ": ok"); }
        catch (Exception e) { System.out.println(what + ": " + e.getClass().getName() + ": " + e.getMessage()); }
    }
    public static void main(String[] args) {
        t("get oob", () -> Array.get(new int[2], 5));
        t("get neg", () -> Array.get(new int[2], -1));
        t("getInt oob", () -> Array.getInt(new int[2], 2));
        t("set oob", () -> Array.set(new String[1], 3, "x"));
        t("get null", () -> Array.get(null, 0));
        t("getLength null", () -> Array.getLength(null));
        t("getLength str", () -> Array.getLength("nope"));
        t("get str", () -> Array.get("nope", 0));
        t("getInt long[]", () -> Array.getInt(new long[1], 0));
        t("getInt Object[]", () -> Array.getInt(new Object[1], 0));
        t("set type", () -> Array.set(new String[1], 0, 17));
        t("set prim null", () -> Array.set(new int[1], 0, null));
        t("set prim narrow", () -> Array.set(new int[1], 0, 5L));
        t("set prim widen", () -> { int[] a = new int[1]; Array.set(a, 0, (short) 5); System.out.print(a[0] + " "); });
        t("setInt byte[]", () -> Array.setInt(new byte[1], 0, 1));
        t("setInt Object[]", () -> Array.setInt(new Object[1], 0, 1));
        t("setBoolean int[]", () -> Array.setBoolean(new int[1], 0, true));
        t("setDouble float[]", () -> Array.setDouble(new float[1], 0, 1.0));
        t("setFloat double[]", () -> { double[] d = new double[1]; Array.setFloat(d, 0, 1.5f); System.out.print(d[0] + " "); });
        t("setChar int[]", () -> { int[] d = new int[1]; Array.setChar(d, 0, 'A'); System.out.print(d[0] + " "); });
        t("setByte char[]", () -> Array.setByte(new char[1], 0, (byte) 1));
        t("getChar byte[]", () -> Array.getChar(new byte[1], 0));
        t("getShort byte[]", () -> System.out.print(Array.getShort(new byte[]{-3}, 0) + " "));
        t("getFloat long[]", () -> System.out.print(Array.getFloat(new long[]{1L << 40}, 0) + " "));
        t("getBoolean", () -> System.out.print(Array.getBoolean(new boolean[]{true}, 0) + " "));
        t("get boxes", () -> System.out.print(Array.get(new char[]{'z'}, 0) + " " + Array.get(new double[]{2.5}, 0) + " " + Array.get(new boolean[]{true}, 0) + " "));
        t("newInstance neg", () -> Array.newInstance(int.class, -1));
        t("newInstance void", () -> Array.newInstance(void.class, 1));
        t("newInstance null", () -> Array.newInstance(null, 1));
        t("multi empty", () -> Array.newInstance(int.class, new int[0]));
        t("multi neg", () -> Array.newInstance(int.class, 2, -1));
        t("multi", () -> { Object o = Array.newInstance(String.class, 2, 3); System.out.print(o.getClass().getName() + " " + Arrays.deepToString((Object[]) o) + " "); });
        t("multi zero", () -> { Object o = Array.newInstance(long.class, 0, 3); System.out.print(o.getClass().getName() + " " + Array.getLength(o) + " "); });
        t("multi 3", () -> { int[][][] o = (int[][][]) Array.newInstance(int.class, 2, 1, 2); o[1][0][1] = 7; System.out.print(Arrays.deepToString(o) + " "); });
        t("of array class", () -> { Object o = Array.newInstance(int[].class, 2, 2); System.out.print(o.getClass().getName() + " "); });
        t("length", () -> System.out.print(Array.getLength(new String[7]) + " " + Array.getLength(new double[0][3]) + " "));
        t("set subtype", () -> { Object[] a = new CharSequence[1]; Array.set(a, 0, new StringBuilder("sb")); System.out.print(a[0] + " "); });
    }
}
