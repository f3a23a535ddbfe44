// Stop-the-world with several threads: allocating threads, a thread spinning in a loop that
// neither calls nor allocates (reached only through loop back-edge polls), threads blocked
// in wait/sleep/join and on a monitor while collections run. Results must be identical.
import java.util.ArrayList;
import java.util.List;

public class ThreadedChurn {
    static final Object lock = new Object();
    static volatile boolean stop;
    static volatile long spins;

    static final class Cell {
        final Cell next;
        final int[] payload;
        Cell(Cell next, int n) { this.next = next; this.payload = new int[n]; payload[0] = n; }
    }

    static long churn(int seed) {
        Cell keep = null;
        long total = 0;
        for (int i = 0; i < 200_000; i++) {
            Cell c = new Cell(keep, (i + seed) % 50 + 1);
            if (i % 1000 == 0) keep = c;
            total += c.payload[0] + ("x" + i).length();
        }
        for (Cell c = keep; c != null; c = c.next) total += c.payload[0];
        return total;
    }

    public static void main(String[] args) throws Exception {
        Thread spinner = new Thread(() -> {
            long n = 0;
            while (!stop) n++;
            spins = n;
        });
        spinner.start();
        Thread waiter = new Thread(() -> {
            synchronized (lock) {
                try { lock.wait(); } catch (InterruptedException e) { System.out.println("interrupted"); }
            }
        });
        waiter.start();
        Thread sleeper = new Thread(() -> {
            try { Thread.sleep(300); } catch (InterruptedException e) { }
        });
        sleeper.start();
        long[] results = new long[4];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int id = t;
            Thread w = new Thread(() -> results[id] = churn(id * 17));
            workers.add(w);
            w.start();
        }
        long mine = churn(99);
        for (Thread w : workers) w.join();
        sleeper.join();
        stop = true;
        spinner.join();
        waiter.interrupt();
        waiter.join();
        for (int t = 0; t < 4; t++) System.out.println("worker " + t + ": " + results[t]);
        System.out.println("main: " + mine);
        System.out.println("spinner ran: " + (spins > 0));
    }
}
