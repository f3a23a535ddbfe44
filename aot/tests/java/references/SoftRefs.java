// Soft references (aot/tests/references.rs, run with -Xmx32m): kept by collections without
// memory pressure, cleared (and enqueued) before OutOfMemoryError is thrown; a softly
// referenced object that is also strongly reachable is never cleared.
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;

public class SoftRefs {
    static byte[] strongly = new byte[1 << 20];

    static SoftReference<byte[]> softGarbage(int size, ReferenceQueue<byte[]> q) {
        byte[] b = new byte[size];
        b[size - 1] = 42;
        return new SoftReference<>(b, q);
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<byte[]> q = new ReferenceQueue<>();
        SoftReference<byte[]> cache = softGarbage(4 << 20, q);
        SoftReference<byte[]> held = new SoftReference<>(strongly, q);
        for (int i = 0; i < 3; i++) System.gc();
        byte[] b = cache.get();
        System.out.println("survives gc without pressure: " + (b != null && b[b.length - 1] == 42));
        b = null;
        System.out.println("nothing enqueued yet: " + (q.poll() == null));

        List<long[]> hoard = new ArrayList<>();
        boolean oom = false;
        try {
            while (true) hoard.add(new long[64 * 1024]);
        } catch (OutOfMemoryError e) {
            hoard = null;
            oom = true;
        }
        System.out.println("OutOfMemoryError: " + oom);
        System.out.println("cleared before OutOfMemoryError: " + cache.refersTo(null));
        Reference<? extends byte[]> r = q.remove(5000);
        System.out.println("enqueued: " + (r == cache));
        System.out.println("strongly reachable one kept: " + (held.get() == strongly));
    }
}
