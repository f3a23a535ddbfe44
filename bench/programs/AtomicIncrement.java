import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uncontended atomics: one thread increments an AtomicInteger and CAS-loops an AtomicLong,
 * so each step is a locked read-modify-write. Size: increments.
 */
public class AtomicIncrement {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        AtomicInteger ints = new AtomicInteger();
        AtomicLong longs = new AtomicLong();
        for (int i = 0; i < n; i++) {
            ints.incrementAndGet();
            long seen;
            do {
                seen = longs.get();
            } while (!longs.compareAndSet(seen, seen + i));
        }
        System.out.println("AtomicInteger: " + ints.get() + ", AtomicLong sum: " + longs.get());
    }
}
