// Thread life cycle on OS threads: names and numbering, states, join (with timeouts), sleep,
// interrupts (sleep, wait, join), daemon flags and priorities, ThreadLocal, monitors
// (recursive, holdsLock, wait/notify, IllegalMonitorStateException), uncaught-exception
// handlers, and class initialization raced by several threads. Output is deterministic.
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class ThreadBasics {
    static final List<String> log = Collections.synchronizedList(new ArrayList<>());

    static class Slow {
        static final int VALUE;
        static int initCount;
        static {
            initCount++;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
            VALUE = 42;
        }
    }

    static int syncCounter;

    static synchronized void bump() {
        syncCounter++;
    }

    public static void main(String[] args) throws Exception {
        Thread main = Thread.currentThread();
        System.out.println(main.getName() + " " + main.getPriority() + " " + main.isDaemon() + " " + main.getState()
                + " " + main.getThreadGroup().getName() + " parent " + main.getThreadGroup().getParent().getName());
        Thread a = new Thread(() -> log.add("a ran in " + Thread.currentThread().getName()));
        Thread b = new Thread(() -> log.add("b ran"));
        System.out.println(a.getName() + " " + b.getName() + " " + a.getState() + " alive " + a.isAlive());
        a.start();
        a.join();
        b.start();
        b.join();
        System.out.println(log + " " + a.getState() + " alive " + a.isAlive());
        try {
            a.start();
        } catch (IllegalThreadStateException e) {
            System.out.println("second start: " + e);
        }

        // class initialization raced by four threads runs once; all see the value
        int[] seen = new int[4];
        Thread[] racers = new Thread[4];
        for (int i = 0; i < 4; i++) {
            final int id = i;
            racers[i] = new Thread(() -> seen[id] = Slow.VALUE);
            racers[i].start();
        }
        for (Thread t : racers) t.join();
        System.out.println("init once: " + Slow.initCount + " values " + seen[0] + seen[1] + seen[2] + seen[3]);

        // static synchronized and recursive monitors
        Thread[] bumpers = new Thread[3];
        for (int i = 0; i < 3; i++) {
            bumpers[i] = new Thread(() -> {
                for (int j = 0; j < 20000; j++) {
                    synchronized (ThreadBasics.class) {
                        bump();
                    }
                }
            });
            bumpers[i].start();
        }
        for (Thread t : bumpers) t.join();
        System.out.println("syncCounter " + syncCounter);
        Object lock = new Object();
        synchronized (lock) {
            synchronized (lock) {
                System.out.println("holdsLock nested " + Thread.holdsLock(lock));
            }
            System.out.println("holdsLock after inner exit " + Thread.holdsLock(lock));
        }
        System.out.println("holdsLock outside " + Thread.holdsLock(lock));
        try {
            lock.notify();
        } catch (IllegalMonitorStateException e) {
            System.out.println("notify: " + e);
        }
        try {
            lock.wait(10);
        } catch (IllegalMonitorStateException e) {
            System.out.println("wait: " + e);
        }
        try {
            synchronized (lock) {
                lock.wait(-1);
            }
        } catch (IllegalArgumentException e) {
            System.out.println("negative wait: " + e);
        }

        // interrupts: sleep, wait, join
        Thread sleeper = new Thread(() -> {
            try {
                Thread.sleep(60_000);
                log.add("sleeper woke");
            } catch (InterruptedException e) {
                log.add("sleeper: " + e.getMessage() + " flag " + Thread.currentThread().isInterrupted());
            }
        });
        sleeper.start();
        while (sleeper.getState() != Thread.State.TIMED_WAITING) Thread.onSpinWait();
        sleeper.interrupt();
        sleeper.join();
        Object mon = new Object();
        Thread waiter = new Thread(() -> {
            synchronized (mon) {
                try {
                    mon.wait();
                    log.add("waiter notified");
                } catch (InterruptedException e) {
                    log.add("waiter interrupted: " + e.getMessage() + " holds " + Thread.holdsLock(mon));
                }
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) Thread.onSpinWait();
        waiter.interrupt();
        waiter.join();
        Thread joiner = new Thread(() -> {
            try {
                sleeperForever().join();
            } catch (InterruptedException e) {
                log.add("joiner interrupted");
            }
        });
        joiner.start();
        while (joiner.getState() != Thread.State.WAITING) Thread.onSpinWait();
        joiner.interrupt();
        joiner.join();
        System.out.println(log.subList(2, log.size()));

        // wait/notify hand-off, timed join
        List<Integer> got = new ArrayList<>();
        Object box = new Object();
        int[] slot = {0};
        Thread consumer = new Thread(() -> {
            synchronized (box) {
                for (int i = 0; i < 5; i++) {
                    while (slot[0] == 0) {
                        try {
                            box.wait();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    got.add(slot[0]);
                    slot[0] = 0;
                    box.notifyAll();
                }
            }
        });
        consumer.start();
        for (int i = 1; i <= 5; i++) {
            synchronized (box) {
                while (slot[0] != 0) box.wait();
                slot[0] = i * 10;
                box.notifyAll();
            }
        }
        consumer.join();
        System.out.println("handed off " + got);
        Thread lingering = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
            }
        });
        lingering.start();
        lingering.join(20);
        System.out.println("after timed join alive " + lingering.isAlive());
        lingering.join();
        System.out.println("after join alive " + lingering.isAlive() + " " + lingering.getState());

        // daemon flag, priorities, names, thread locals
        ThreadLocal<String> tl = ThreadLocal.withInitial(() -> "initial");
        InheritableThreadLocal<String> itl = new InheritableThreadLocal<>();
        tl.set("main value");
        itl.set("inherited");
        String[] inChild = new String[3];
        Thread child = new Thread(() -> {
            inChild[0] = tl.get();
            inChild[1] = itl.get();
            inChild[2] = Thread.currentThread().isDaemon() + "/" + Thread.currentThread().getPriority();
        }, "child");
        child.setDaemon(true);
        child.setPriority(Thread.MAX_PRIORITY);
        child.start();
        child.join();
        System.out.println("child saw " + inChild[0] + ", " + inChild[1] + ", " + inChild[2] + "; main keeps " + tl.get());
        System.out.println(child + " " + new Thread("x").toString());

        // uncaught exceptions go to the handlers
        Thread failing = new Thread(() -> {
            throw new IllegalStateException("handled");
        }, "failing");
        failing.setUncaughtExceptionHandler((t, e) -> System.out.println("handler: " + t.getName() + " " + e));
        failing.start();
        failing.join();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> System.out.println("default handler: " + t.getName() + " " + e.getMessage()));
        Thread failing2 = new Thread(() -> {
            throw new ArithmeticException("to default");
        }, "failing2");
        failing2.start();
        failing2.join();
        System.out.println("self interrupt " + interruptSelf());
    }

    static Thread sleeperForever() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    static String interruptSelf() {
        Thread.currentThread().interrupt();
        boolean first = Thread.interrupted();
        boolean second = Thread.interrupted();
        Thread.currentThread().interrupt();
        try {
            Thread.sleep(5);
            return "no exception";
        } catch (InterruptedException e) {
            return first + " " + second + " " + e.getMessage() + " " + Thread.currentThread().isInterrupted();
        }
    }
}
