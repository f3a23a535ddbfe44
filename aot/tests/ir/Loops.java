class Loops {
    static int sum(int[] a) {
        int s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    static int nested(int n) {
        int c = 0;
        outer:
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (j == 7) continue outer;
                if (i * j > 100) break outer;
                c++;
            }
        }
        return c;
    }

    static long whileDo(long x) {
        while (x > 1) {
            x = (x & 1) == 0 ? x / 2 : 3 * x + 1;
        }
        do {
            x--;
        } while (x > -3);
        return x;
    }
}
