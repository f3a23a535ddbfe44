import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uncontended atomics: one thread increments an AtomicInteger and CAS-loops an AtomicLong,
 * so each step is a locked read-modify-write. The atomics are published in static fields, as
 * shared counters are. Size: increments.
 */
public class AtomicIncrement {
    static AtomicInteger sharedInts;
    static AtomicLong sharedLongs;

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        sharedInts = new AtomicInteger();
        sharedLongs = new AtomicLong();
        AtomicInteger ints = sharedInts;
        AtomicLong longs = sharedLongs;
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
