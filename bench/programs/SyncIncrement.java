/**
 * Uncontended monitors: one thread increments a counter inside a synchronized method and a
 * synchronized block, so each increment takes and releases a thin lock. Size: increments.
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

    public static void main(String[] args) {
        long n = Long.parseLong(args[0]);
        SyncIncrement counter = new SyncIncrement();
        for (long i = 0; i < n; i++) {
            counter.increment();
            counter.incrementBlock();
        }
        System.out.println("synchronized method: " + counter.count + ", block: " + counter.blockCount);
    }
}
