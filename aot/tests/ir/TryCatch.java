class TryCatch {
    static int simple(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static int nested(int[] a, int i) {
        int r = 0;
        try {
            r = 1;
            try {
                r = a[i];
            } catch (ArrayIndexOutOfBoundsException e) {
                r = 2;
                throw new IllegalStateException(e);
            } finally {
                r += 10;
            }
        } catch (RuntimeException e) {
            r = r * 3;
        } finally {
            System.out.println(r);
        }
        return r;
    }

    static void multi(Object o) {
        try {
            o.toString();
        } catch (IllegalArgumentException | NullPointerException e) {
            System.out.println("caught");
        }
    }

    static int resources(java.io.Reader r) throws java.io.IOException {
        try (r) {
            return r.read();
        }
    }
}
