// Phantom references and java.lang.ref.Cleaner (aot/tests/references.rs): a phantom
// reference never returns its referent, is enqueued once the referent is unreachable; a
// Cleaner runs the cleaning action on its own daemon thread after the registered object
// became unreachable and a collection noticed it, exactly once, or at once on clean().
import java.lang.ref.Cleaner;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

public class PhantomAndCleaner {
    static final class Resource {
        final byte[] bytes = new byte[1024];
    }

    static final AtomicInteger cleanedA = new AtomicInteger();
    static final AtomicInteger cleanedB = new AtomicInteger();
    static final CountDownLatch latch = new CountDownLatch(1);
    static Resource held;

    static PhantomReference<Resource> phantomOfGarbage(ReferenceQueue<Resource> q) {
        return new PhantomReference<>(new Resource(), q);
    }

    static Cleaner.Cleanable registerGarbage(Cleaner cleaner) {
        return cleaner.register(new Resource(), () -> {
            cleanedA.incrementAndGet();
            latch.countDown();
        });
    }

    static Reference<? extends Resource> gcAndRemove(ReferenceQueue<Resource> q) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            System.gc();
            Reference<? extends Resource> r = q.remove(20);
            if (r != null) return r;
        }
        return null;
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<Resource> q = new ReferenceQueue<>();
        held = new Resource();
        PhantomReference<Resource> live = new PhantomReference<>(held, q);
        System.out.println("get() is null: " + (live.get() == null));
        System.out.println("refersTo(held): " + live.refersTo(held));

        PhantomReference<Resource> dead = phantomOfGarbage(q);
        Reference<? extends Resource> r = gcAndRemove(q);
        System.out.println("phantom enqueued: " + (r == dead));
        System.out.println("phantom cleared: " + dead.refersTo(null));
        System.out.println("live not enqueued: " + (q.poll() == null) + " refersTo(held): " + live.refersTo(held));

        Cleaner cleaner = Cleaner.create();
        Cleaner.Cleanable garbage = registerGarbage(cleaner);
        boolean ran = false;
        for (int i = 0; i < 50 && !ran; i++) {
            System.gc();
            ran = latch.await(20, TimeUnit.MILLISECONDS);
        }
        System.out.println("cleaning action ran: " + ran + " count=" + cleanedA.get());
        garbage.clean();
        System.out.println("clean() after the collector ran it: count=" + cleanedA.get());

        Resource kept = new Resource();
        Cleaner.Cleanable explicit = cleaner.register(kept, cleanedB::incrementAndGet);
        System.gc();
        Thread.sleep(50);
        System.out.println("reachable object not cleaned: " + (cleanedB.get() == 0));
        explicit.clean();
        explicit.clean();
        System.out.println("clean() runs once: " + cleanedB.get());
        Reference.reachabilityFence(kept);
    }
}
