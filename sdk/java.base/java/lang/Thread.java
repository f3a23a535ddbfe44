/*
 * roast SDK replacement for java.lang.Thread: one OS thread per started Thread, run by the
 * runtime (runtime/src/thread.rs). The runtime record of each Thread (interrupt flag, park
 * permit, state) lives at the address in `eetop`, as in HotSpot. Names, numbering
 * ("Thread-N"), ids, priorities, daemon flags, thread groups (the JDK's ThreadGroup, with a
 * "system" root and a "main" group like HotSpot's), interrupts, join (wait on the Thread,
 * notified when it ends), uncaught-exception handlers and the thread-local maps (the fields
 * java.lang.ThreadLocal, ThreadLocalRandom, LockSupport and InnocuousThread use keep their
 * JDK names) behave as in JDK 17.
 */
package java.lang;

import java.security.AccessControlContext;
import java.util.Map;

public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private static int threadInitNumber;
    private static long threadSeqNumber;
    private static volatile UncaughtExceptionHandler defaultUncaughtExceptionHandler;

    private volatile String name;
    private int priority;
    private boolean daemon;
    private boolean started;
    private Runnable target;
    private ThreadGroup group;
    private final long tid;
    private final long stackSize;
    /** Address of the runtime's record of this thread (never 0). */
    private final long eetop;
    private ClassLoader contextClassLoader;
    private AccessControlContext inheritedAccessControlContext;
    private volatile UncaughtExceptionHandler uncaughtExceptionHandler;

    ThreadLocal.ThreadLocalMap threadLocals;
    ThreadLocal.ThreadLocalMap inheritableThreadLocals;
    volatile Object parkBlocker;
    long threadLocalRandomSeed;
    int threadLocalRandomProbe;
    int threadLocalRandomSecondarySeed;

    private static native void registerNatives();
    private static native Thread currentThread0();
    private static native void setCurrentThread0(Thread t);
    private static native long currentRecord0();
    private static native long newRecord0();
    private static native boolean start0(long rec, Thread t, boolean daemon, long stackSize);
    private static native boolean sleep0(long millis, int nanos);
    private static native void interrupt0(long rec);
    private static native boolean isInterrupted0(long rec, boolean clear);
    private static native int status0(long rec);
    private static native void terminated0(long rec);
    private static native boolean holdsLock0(Object obj);

    public static Thread currentThread() {
        Thread t = currentThread0();
        if (t == null) {
            t = new Thread(mainGroup());
            setCurrentThread0(t);
        }
        return t;
    }

    /** HotSpot's thread groups: "system" (the root, made without a parent) and "main". */
    private static ThreadGroup mainGroup() {
        ThreadGroup system;
        try {
            system = (ThreadGroup) jdk.internal.misc.Unsafe.getUnsafe().allocateInstance(ThreadGroup.class);
        } catch (InstantiationException e) {
            throw new InternalError(e);
        }
        system.name = "system";
        system.maxPriority = MAX_PRIORITY;
        return new ThreadGroup(system, "main");
    }

    /** The main thread: the OS thread that runs main. */
    private Thread(ThreadGroup group) {
        this.name = "main";
        this.group = group;
        this.priority = NORM_PRIORITY;
        this.tid = nextThreadId();
        this.stackSize = 0;
        this.eetop = currentRecord0();
        this.started = true;
        this.contextClassLoader = ClassLoader.getSystemClassLoader();
        group.addUnstarted();
        group.add(this);
    }

    private static synchronized int nextThreadNum() {
        return threadInitNumber++;
    }

    private static synchronized long nextThreadId() {
        return ++threadSeqNumber;
    }

    public Thread() {
        this(null, null, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(Runnable target) {
        this(null, target, "Thread-" + nextThreadNum(), 0);
    }

    Thread(Runnable target, AccessControlContext acc) {
        this(null, target, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(String name) {
        this(null, null, name, 0);
    }

    public Thread(Runnable target, String name) {
        this(null, target, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target) {
        this(group, target, "Thread-" + nextThreadNum(), 0);
    }

    public Thread(ThreadGroup group, String name) {
        this(group, null, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target, String name) {
        this(group, target, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize) {
        this(group, target, name, stackSize, true);
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize, boolean inheritThreadLocals) {
        if (name == null) {
            throw new NullPointerException("name cannot be null");
        }
        Thread parent = currentThread();
        if (group == null) {
            group = parent.getThreadGroup();
        }
        group.checkAccess();
        group.addUnstarted();
        this.name = name;
        this.group = group;
        this.target = target;
        this.daemon = parent.isDaemon();
        this.priority = Math.min(parent.getPriority(), group.getMaxPriority());
        this.contextClassLoader = parent.contextClassLoader;
        this.stackSize = stackSize;
        this.tid = nextThreadId();
        this.eetop = newRecord0();
        if (inheritThreadLocals && parent.inheritableThreadLocals != null) {
            this.inheritableThreadLocals = ThreadLocal.createInheritedMap(parent.inheritableThreadLocals);
        }
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalThreadStateException();
        }
        started = true;
        group.add(this);
        if (!start0(eetop, this, daemon, stackSize)) {
            group.threadStartFailed(this);
            throw new OutOfMemoryError("unable to create native thread: possibly out of memory or process/resource limits reached");
        }
    }

    /** Runs on the new OS thread (called by RoastVM.runThread). */
    void roastRun() {
        Throwable failure = null;
        try {
            run();
        } catch (Throwable t) {
            failure = t;
        }
        if (failure != null) {
            try {
                dispatchUncaughtException(failure);
            } catch (Throwable t) {
                System.err.print("\nException: " + t.getClass().getName()
                        + " thrown from the UncaughtExceptionHandler in thread \"" + getName() + "\"\n");
            }
        }
        exit();
    }

    /** JDK 17's Thread.exit, then what HotSpot's ensure_join does: TERMINATED and notifyAll. */
    private void exit() {
        try {
            if (group != null) {
                group.threadTerminated(this);
                group = null;
            }
        } catch (Throwable ignored) {
        }
        target = null;
        threadLocals = null;
        inheritableThreadLocals = null;
        inheritedAccessControlContext = null;
        uncaughtExceptionHandler = null;
        synchronized (this) {
            terminated0(eetop);
            notifyAll();
        }
    }

    @Override
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    public static native void yield();

    public static void onSpinWait() {
    }

    public static void sleep(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (sleep0(millis, 0)) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (sleep0(millis, nanos)) {
            throw new InterruptedException("sleep interrupted");
        }
    }

    /**
     * The I/O operation this thread is blocked in (an interruptible channel's), told when
     * the thread is interrupted so that it closes the channel; set through
     * JavaLangAccess.blockedOn as HotSpot's Thread does. One lock for all threads (the
     * critical sections are a field access).
     */
    private volatile sun.nio.ch.Interruptible blocker;
    private static final Object BLOCKER_LOCK = new Object();

    static void blockedOn(sun.nio.ch.Interruptible b) {
        Thread me = currentThread();
        synchronized (BLOCKER_LOCK) {
            me.blocker = b;
        }
    }

    public void interrupt() {
        if (this != currentThread()) {
            synchronized (BLOCKER_LOCK) {
                sun.nio.ch.Interruptible b = blocker;
                if (b != null) {
                    interrupt0(eetop);
                    b.interrupt(this);
                    return;
                }
            }
        }
        interrupt0(eetop);
    }

    public static boolean interrupted() {
        return isInterrupted0(currentThread().eetop, true);
    }

    public boolean isInterrupted() {
        return isInterrupted0(eetop, false);
    }

    public final boolean isAlive() {
        int s = status0(eetop);
        return s != 0 && s != 5;
    }

    @Deprecated
    public final void stop() {
        throw new UnsupportedOperationException("roast: Thread.stop is not supported");
    }

    @Deprecated
    public final void suspend() {
        throw new UnsupportedOperationException("roast: Thread.suspend is not supported");
    }

    @Deprecated
    public final void resume() {
        throw new UnsupportedOperationException("roast: Thread.resume is not supported");
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        ThreadGroup g = getThreadGroup();
        if (g != null) {
            priority = Math.min(newPriority, g.getMaxPriority());
        }
    }

    public final int getPriority() {
        return priority;
    }

    public final synchronized void setName(String name) {
        if (name == null) {
            throw new NullPointerException("name cannot be null");
        }
        this.name = name;
    }

    public final String getName() {
        return name;
    }

    public final ThreadGroup getThreadGroup() {
        return group;
    }

    public static int activeCount() {
        return currentThread().getThreadGroup().activeCount();
    }

    public static int enumerate(Thread[] tarray) {
        return currentThread().getThreadGroup().enumerate(tarray);
    }

    public final synchronized void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (millis == 0) {
            while (isAlive()) {
                wait(0);
            }
        } else {
            long start = System.nanoTime();
            long delay = millis;
            while (isAlive() && delay > 0) {
                wait(delay);
                delay = millis - (System.nanoTime() - start) / 1_000_000;
            }
        }
    }

    public final synchronized void join(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (nanos > 0 && millis < Long.MAX_VALUE) {
            millis++;
        }
        join(millis);
    }

    public final void join() throws InterruptedException {
        join(0);
    }

    public static void dumpStack() {
        new Exception("Stack trace").printStackTrace();
    }

    public final void setDaemon(boolean on) {
        if (isAlive()) {
            throw new IllegalThreadStateException();
        }
        daemon = on;
    }

    public final boolean isDaemon() {
        return daemon;
    }

    public final void checkAccess() {
    }

    @Override
    public String toString() {
        ThreadGroup g = getThreadGroup();
        return "Thread[" + getName() + "," + getPriority() + "," + (g != null ? g.getName() : "") + "]";
    }

    public ClassLoader getContextClassLoader() {
        return contextClassLoader;
    }

    public void setContextClassLoader(ClassLoader cl) {
        contextClassLoader = cl;
    }

    public static boolean holdsLock(Object obj) {
        if (obj == null) {
            throw new NullPointerException();
        }
        return holdsLock0(obj);
    }

    public StackTraceElement[] getStackTrace() {
        if (this != currentThread0()) {
            return new StackTraceElement[0];
        }
        return new Exception().getStackTrace();
    }

    public static Map<Thread, StackTraceElement[]> getAllStackTraces() {
        Map<Thread, StackTraceElement[]> m = new java.util.HashMap<>();
        m.put(currentThread(), currentThread().getStackTrace());
        return m;
    }

    public long getId() {
        return tid;
    }

    public State getState() {
        switch (status0(eetop)) {
            case 0: return State.NEW;
            case 1: return State.RUNNABLE;
            case 2: return State.BLOCKED;
            case 3: return State.WAITING;
            case 4: return State.TIMED_WAITING;
            default: return State.TERMINATED;
        }
    }

    public enum State {
        NEW,
        RUNNABLE,
        BLOCKED,
        WAITING,
        TIMED_WAITING,
        TERMINATED;
    }

    @FunctionalInterface
    public interface UncaughtExceptionHandler {
        void uncaughtException(Thread t, Throwable e);
    }

    public static void setDefaultUncaughtExceptionHandler(UncaughtExceptionHandler eh) {
        defaultUncaughtExceptionHandler = eh;
    }

    public static UncaughtExceptionHandler getDefaultUncaughtExceptionHandler() {
        return defaultUncaughtExceptionHandler;
    }

    public UncaughtExceptionHandler getUncaughtExceptionHandler() {
        UncaughtExceptionHandler h = uncaughtExceptionHandler;
        return h != null ? h : group;
    }

    public void setUncaughtExceptionHandler(UncaughtExceptionHandler eh) {
        uncaughtExceptionHandler = eh;
    }

    /** Called by the runtime for an exception that ended this thread (JDK 17's). */
    void dispatchUncaughtException(Throwable e) {
        UncaughtExceptionHandler h = getUncaughtExceptionHandler();
        if (h != null) {
            h.uncaughtException(this, e);
        } else if (!(e instanceof ThreadDeath)) {
            System.err.print("Exception in thread \"" + getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}
