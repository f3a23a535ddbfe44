// Array allocation edge cases: empty arrays, every primitive type default-initialised, sizes
// around the inline-allocation limit, negative and huge lengths, multi-dimensional arrays,
// and many short-lived arrays (collections happen while they are allocated).
import java.util.Arrays;

public class ArrayAlloc {
    static int sink;

    static void negative(int n) {
        try {
            int[] a = new int[n];
            System.out.println("no exception " + a.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("int[" + n + "]: " + e);
        }
        try {
            String[] a = new String[n];
            System.out.println("no exception " + a.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("String[" + n + "]: " + e);
        }
        try {
            long[][] a = new long[2][n];
            System.out.println("no exception " + a.length);
        } catch (NegativeArraySizeException e) {
            System.out.println("long[2][" + n + "]: " + e);
        }
    }

    static void huge(int n) {
        try {
            byte[] a = new byte[n];
            System.out.println("byte[" + n + "] allocated " + a.length);
        } catch (OutOfMemoryError e) {
            System.out.println("byte[" + n + "]: " + e);
        }
        try {
            long[] a = new long[n];
            System.out.println("long[" + n + "] allocated " + a.length);
        } catch (OutOfMemoryError e) {
            System.out.println("long[" + n + "]: " + e);
        }
        try {
            Object[] a = new Object[n];
            System.out.println("Object[" + n + "] allocated " + a.length);
        } catch (OutOfMemoryError e) {
            System.out.println("Object[" + n + "]: " + e);
        }
    }

    static long defaults(int n) {
        boolean[] z = new boolean[n];
        byte[] b = new byte[n];
        char[] c = new char[n];
        short[] s = new short[n];
        int[] i = new int[n];
        long[] j = new long[n];
        float[] f = new float[n];
        double[] d = new double[n];
        Object[] o = new Object[n];
        long bad = 0;
        for (int k = 0; k < n; k++) {
            if (z[k] || b[k] != 0 || c[k] != 0 || s[k] != 0 || i[k] != 0 || j[k] != 0
                    || f[k] != 0 || Double.doubleToRawLongBits(d[k]) != 0 || o[k] != null) {
                bad++;
            }
        }
        // Dirty them so that reused memory would show through if it were not zeroed.
        Arrays.fill(b, (byte) 7);
        Arrays.fill(c, 'x');
        Arrays.fill(i, -1);
        Arrays.fill(j, -1L);
        Arrays.fill(d, 1.5);
        Arrays.fill(o, "x");
        return bad * 1000 + z.length + b.length + c.length + s.length + i.length + j.length
                + f.length + d.length + o.length;
    }

    public static void main(String[] args) {
        System.out.println(new int[0].length + " " + new Object[0].length + " "
                + new boolean[0].getClass().getName() + " " + new String[0][0].getClass().getName());
        long sum = 0;
        int[] sizes = {0, 1, 2, 3, 7, 8, 9, 100, 1019, 1020, 1021, 2043, 2044, 2045, 4084, 4085,
                       8175, 8176, 8177, 10000, 100000};
        for (int n : sizes) {
            sum += defaults(n);
        }
        System.out.println("defaults " + sum);
        for (int round = 0; round < 400; round++) {
            for (int n = 0; n < 300; n += 7) {
                sum += defaults(n + round % 5);
            }
        }
        System.out.println("churn " + sum);

        int[][] grid = new int[3][4];
        grid[2][3] = 5;
        System.out.println(grid.length + " " + grid[0].length + " " + Arrays.deepToString(grid));
        double[][][] cube = new double[2][3][0];
        System.out.println(cube[1][2].length + " " + cube[1].getClass().getName());
        String[][] jag = new String[2][];
        System.out.println(Arrays.deepToString(jag));
        char[][] cs = new char[0][5];
        System.out.println(cs.length);

        negative(-5);
        negative(-1);
        negative(Integer.MIN_VALUE);

        huge(Integer.MAX_VALUE);
        huge(Integer.MAX_VALUE - 1);
        huge(Integer.MAX_VALUE - 2);
        huge(Integer.MAX_VALUE - 3);
        huge(1 << 30);

        Object[] keep = new Object[64];
        long total = 0;
        for (int i = 0; i < 300_000; i++) {
            byte[] a = new byte[i % 97];
            long[] l = new long[i % 13 + 1];
            l[l.length - 1] = i;
            Object[] o = new Object[i % 5 + 1];
            o[0] = a;
            keep[i & 63] = o;
            total += a.length + l[l.length - 1] + o.length;
        }
        int live = 0;
        for (Object o : keep) live += ((byte[]) ((Object[]) o)[0]).length;
        System.out.println("total " + total + " live " + live);
    }
}
