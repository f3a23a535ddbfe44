class Arrays {
    static int[][] grid(int n) {
        int[][] g = new int[n][n + 1];
        g[0][0] = 1;
        return g;
    }

    static Object[] objects(String s) {
        Object[] o = new Object[] { s, null, 3 };
        o[1] = o[0];
        return o;
    }

    static long sum(long[] a, byte[] b, char[] c, short[] d, boolean[] z, float[] f, double[] e) {
        return a[0] + b[1] + c[2] + d[3] + (z[4] ? 1 : 0) + (long) f[5] + (long) e[6] + a.length;
    }

    static void fill(byte[] b, boolean[] z, char[] c) {
        b[0] = 1;
        z[0] = true;
        c[0] = 'x';
    }

    Arrays self() {
        String[] s = new String[2];
        return this;
    }
}
