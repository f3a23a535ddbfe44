/**
 * Uncontended monitors: one thread increments a counter inside a synchronized method and a
 * synchronized block, so each increment takes and releases a thin lock. The counter is
 * published in a static field so that escape analysis cannot remove the locks. Size: increments.
 */
public class SyncIncrement {
    private long count;
    private final Object lock = new Object();
    private long blockCount;

    synchronized void increment() {
        count++;
    }

    void incrementBlock() {
        synchronized (lock) {
            blockCount++;
        }
    }

    static SyncIncrement shared;

    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        shared = new SyncIncrement();
        SyncIncrement counter = shared;
        for (long i = 0; i < n; i++) {
            counter.increment();
            counter.incrementBlock();
        }
        System.out.println("synchronized method: " + counter.count + ", block: " + counter.blockCount);
    }
}
