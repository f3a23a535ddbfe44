// Thin locks and their inflation to fat monitors (runtime/src/monitor.rs): recursion deeper than
// a thin lock records, synchronized static recursion, identity hashes of locked objects and
// locking of hashed ones, wait/notify after a thin lock, IllegalMonitorStateException,
// contention (several threads, a BLOCKED contender), and many distinct objects locked,
// hashed, notified and waited on while the collector runs. Output is deterministic.
import java.util.*;

/** Thin locks, inflation and identity hashes together. */
public class LockWords {
    static int depth(Object o, int n) {
        synchronized (o) {
            if (n == 0) return Thread.holdsLock(o) ? 1 : 0;
            return depth(o, n - 1) + (Thread.holdsLock(o) ? 1 : 0);
        }
    }

    static synchronized int syncStatic(int n) { return n == 0 ? 0 : 1 + syncStatic(n - 1); }

    public static void main(String[] args) throws Exception {
        Object a = new Object();
        System.out.println("deep recursion: " + depth(a, 1000));
        System.out.println("held after: " + Thread.holdsLock(a));
        System.out.println("static sync: " + syncStatic(600));

        // hashCode of a thin-locked object, stable across lock states.
        Object b = new Object();
        int h1, h2, h3;
        synchronized (b) {
            h1 = b.hashCode();
            synchronized (b) { h2 = System.identityHashCode(b); }
        }
        h3 = b.hashCode();
        System.out.println("hash stable: " + (h1 == h2 && h2 == h3) + " positive: " + (h1 > 0));
        // Lock a hashed object.
        Object c = new Object();
        int hc = c.hashCode();
        synchronized (c) { synchronized (c) { System.out.println("hashed then locked: " + (c.hashCode() == hc) + " " + Thread.holdsLock(c)); } }
        System.out.println("released: " + !Thread.holdsLock(c));

        // wait/notify after a thin lock.
        final Object d = new Object();
        final boolean[] flag = new boolean[1];
        Thread t = new Thread(() -> {
            synchronized (d) {
                flag[0] = true;
                d.notifyAll();
            }
        });
        synchronized (d) {
            d.notify(); // no waiters, thin lock
            t.start();
            while (!flag[0]) d.wait();
        }
        t.join();
        System.out.println("wait/notify: " + flag[0]);
        // timed wait on a thin lock
        Object e = new Object();
        synchronized (e) { e.wait(5); }
        System.out.println("timed wait done");

        // IllegalMonitorStateException on unowned
        try { new Object().notify(); } catch (IllegalMonitorStateException ex) { System.out.println("IMSE: " + ex.getMessage()); }
        try { a.wait(); } catch (IllegalMonitorStateException ex) { System.out.println("IMSE wait: " + ex.getMessage()); }

        // Contention: 4 threads on one lock, plus a thread holding it while others spin.
        final Object lock = new Object();
        final long[] counter = new long[1];
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 100000; k++) {
                    synchronized (lock) { counter[0]++; }
                }
            });
            ts[i].start();
        }
        for (Thread x : ts) x.join();
        System.out.println("contended total: " + counter[0]);

        final Object slowLock = new Object();
        Thread holder = new Thread(() -> {
            synchronized (slowLock) {
                try { Thread.sleep(50); } catch (InterruptedException ie) { }
            }
        });
        synchronized (slowLock) {
            holder.start();
            // The contender spins briefly, then blocks (on a fat monitor) until we release.
            long deadline = System.currentTimeMillis() + 10_000;
            while (holder.getState() != Thread.State.BLOCKED && System.currentTimeMillis() < deadline) {
                Thread.sleep(1);
            }
            System.out.println("holder state: " + holder.getState());
        }
        holder.join();
        System.out.println("holder done");

        // Many distinct objects locked (and some hashed/inflated) under allocation churn.
        List<Object> keep = new ArrayList<>();
        long sum = 0;
        for (int i = 0; i < 200000; i++) {
            Object o = new int[16];
            synchronized (o) {
                if (i % 3 == 0) sum += o.hashCode() & 1;
                if (i % 7 == 0) o.notifyAll();
                if (i % 11 == 0) { synchronized (o) { o.wait(0, 1); } }
                sum++;
            }
            if (i % 1000 == 0) keep.add(o);
        }
        int ok = 0;
        for (Object o : keep) { synchronized (o) { if (Thread.holdsLock(o)) ok++; } }
        System.out.println("many objects: " + (sum >= 200000) + " kept " + ok);
    }
}
