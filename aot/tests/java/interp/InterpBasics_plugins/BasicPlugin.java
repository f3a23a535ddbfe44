public class BasicPlugin implements InterpBasics.Plugin {
    static final String TAG = "basic";
    static int instances;
    static long[] table = new long[8];

    static {
        InterpBasics.log.add("BasicPlugin initialized");
        InterpBasics.counter += 10;
        for (int i = 0; i < table.length; i++) table[i] = (long) i * i * 1_000_000_007L;
    }

    private final int id;

    public BasicPlugin() {
        id = ++instances;
    }

    public String name() {
        return InterpBasics.upper(TAG) + "#" + id;
    }

    public long mix(int a, long b, double c, float d, char e, boolean f, byte g, short h) {
        long r = a * b + (long) (c * 1000) + (long) d + e + (f ? 1 : 0) + g + h;
        r ^= r >>> 7;
        r += table[a % table.length];
        int sw;
        switch (a) {
            case 1: sw = 10; break;
            case 3: sw = 30; break;
            case 1000: sw = 7; break;
            default: sw = -1;
        }
        String s = "k" + a;
        switch (s) {
            case "k3": sw += 100; break;
            default: sw -= 100;
        }
        return r + sw + (Integer.MIN_VALUE / -1) + (7 % -3) + (long) (float) Math.sqrt(2.0) + (long) Double.NaN;
    }

    public double wide(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j,
                       int k, int l, int m, int n, int o, int p, int q) {
        return a + 2 * b + 3 * c + 4 * d + 5 * e + 6 * f + 7 * g + 8 * h + 9 * i + 10 * j
                + 100.0 * (k - l + m - n + o - p + q) + (a < b ? 0.5 : 0.25) + j % 3.5;
    }

    public synchronized int callBack(InterpBasics.Callback cb, int x) throws InterpBasics.PluginException {
        InterpBasics.log.add("enter " + x);
        try {
            int[][] grid = new int[2][3];
            grid[1][2] = cb.apply(x);
            Object o = grid;
            if (o instanceof int[][] g && g[1].length == 3) {
                return g[1][2] + 1;
            }
            return -1;
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("wrapped: " + e.getMessage(), e);
        } finally {
            InterpBasics.log.add("leave " + x);
            if (x == 100) {
                throw new InterpBasics.PluginException("hundred", 100) {};
            }
        }
    }
}
