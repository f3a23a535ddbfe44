// roast does not run finalizers (ARCHITECTURE.md, "Garbage collection"): the build warns
// about every program class whose finalize() does something; an empty one is not named.
public class Finalizable {
    static int finalized;

    @Override
    protected void finalize() {
        finalized++;
    }

    static final class Empty {
        @Override
        protected void finalize() {}
    }

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 1000; i++) {
            new Finalizable();
            new Empty();
        }
        System.gc();
        Thread.sleep(100);
        System.out.println("finalized: " + finalized);
    }
}
