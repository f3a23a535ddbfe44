class Ternary {
    static int max(int a, int b) {
        return a > b ? a : b;
    }

    static String pick(boolean c, String x) {
        String s = c ? x : "none";
        return s.length() > 2 ? s : s + "!";
    }

    static int nested(int a, int b, int c) {
        return a > 0 ? (b > 0 ? 1 : 2) : (c > 0 ? 3 : 4);
    }

    static int maybe(Object o) {
        return o == null ? 0 : o.hashCode();
    }
}
