class NullChecks {
    int f;
    NullChecks next;

    int repeated(NullChecks o) {
        o.f = 1;
        o.f += 2;
        return o.f + this.f;
    }

    static int guarded(NullChecks o) {
        if (o != null) {
            return o.f;
        }
        return 0;
    }

    static int merged(boolean c) {
        NullChecks o = c ? new NullChecks() : new NullChecks();
        return o.f;
    }

    static int loop(int n) {
        NullChecks o = new NullChecks();
        for (int i = 0; i < n; i++) {
            o.f += i;
            o = new NullChecks();
        }
        return o.f;
    }

    static int notDominating(NullChecks o, boolean c) {
        if (c) {
            o.f = 1;
        }
        return o.f;
    }

    static int bothPaths(NullChecks o, boolean c) {
        if (c) {
            o.f = 1;
        } else {
            o.f = 2;
        }
        return o.f;
    }

    static int mergedChecked(NullChecks a, NullChecks b, boolean c) {
        a.f = 1;
        b.f = 2;
        NullChecks o = c ? a : b;
        return o.f;
    }

    static int caught(NullChecks o) {
        try {
            return o.f;
        } catch (NullPointerException e) {
            return o == null ? -1 : o.f;
        }
    }

    static String literal() {
        return "abc".trim();
    }
}
