// JVMS §5.5 step 7: initializing a class initializes its superinterfaces that declare
// default methods (each after its own superinterfaces), but not the others; initializing
// an interface does not initialize its superinterfaces.
public class InterfaceInit {
    static int trace(String what, int v) {
        System.out.println("init " + what);
        return v;
    }

    interface Plain {
        int P = trace("Plain", 1);
        void run();
    }

    interface Base {
        int B = trace("Base", 2);
        default int base() { return B; }
    }

    interface Mid extends Base {
        int M = trace("Mid", 3);
        default int mid() { return M; }
    }

    interface NoDefaults extends Base {
        int N = trace("NoDefaults", 4);
    }

    static class Impl implements Plain, Mid {
        static { trace("Impl", 0); }
        public void run() { System.out.println("run"); }
    }

    static class Other implements NoDefaults {
        static { trace("Other", 0); }
    }

    interface Leaf extends Base {
        int L = trace("Leaf", 5);
        static int touch() { return 7; }
    }

    public static void main(String[] args) {
        System.out.println("start");
        new Impl().run();
        System.out.println("after Impl");
        new Other();
        System.out.println("after Other");
        System.out.println("Leaf.touch " + Leaf.touch());
        System.out.println("Plain.P " + Plain.P);
    }
}
