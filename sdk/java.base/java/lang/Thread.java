/*
 * roast SDK replacement for java.lang.Thread, single-threaded for now: the main thread's
 * Thread object, names, priorities, daemon flags, interrupts, thread-local maps (the fields
 * java.lang.ThreadLocal and ThreadLocalRandom use keep their JDK names), sleep and the
 * uncaught-exception handlers. Starting a second thread fails loudly until roast has threads.
 */
package java.lang;

import java.util.Map;

public class Thread implements Runnable {
    public static final int MIN_PRIORITY = 1;
    public static final int NORM_PRIORITY = 5;
    public static final int MAX_PRIORITY = 10;

    private static int threadInitNumber;
    private static long threadSeqNumber = 1;
    private static volatile UncaughtExceptionHandler defaultUncaughtExceptionHandler;

    private volatile String name;
    private int priority = NORM_PRIORITY;
    private boolean daemon;
    private volatile boolean interrupted;
    private boolean started;
    private final Runnable target;
    private final long tid;
    private ClassLoader contextClassLoader;
    private volatile UncaughtExceptionHandler uncaughtExceptionHandler;

    ThreadLocal.ThreadLocalMap threadLocals;
    ThreadLocal.ThreadLocalMap inheritableThreadLocals;
    long threadLocalRandomSeed;
    int threadLocalRandomProbe;
    int threadLocalRandomSecondarySeed;
    /* Read and written by ThreadLocalRandom (through Unsafe) for its innocuous threads. */
    private java.security.AccessControlContext inheritedAccessControlContext;

    private static native Thread currentThread0();
    private static native void setCurrentThread0(Thread t);

    public static Thread currentThread() {
        Thread t = currentThread0();
        if (t == null) {
            t = new Thread(null, "main", 1);
            setCurrentThread0(t);
        }
        return t;
    }

    private Thread(Runnable target, String name, long tid) {
        this.target = target;
        this.name = name;
        this.tid = tid;
    }

    private static synchronized String nextThreadName() {
        return "Thread-" + threadInitNumber++;
    }

    private static synchronized long nextThreadId() {
        return ++threadSeqNumber;
    }

    public Thread() {
        this(null, null, nextThreadName(), 0);
    }

    public Thread(Runnable target) {
        this(null, target, nextThreadName(), 0);
    }

    public Thread(String name) {
        this(null, null, name, 0);
    }

    public Thread(Runnable target, String name) {
        this(null, target, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target) {
        this(group, target, nextThreadName(), 0);
    }

    public Thread(ThreadGroup group, String name) {
        this(group, null, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target, String name) {
        this(group, target, name, 0);
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize) {
        if (name == null) {
            throw new NullPointerException("name cannot be null");
        }
        this.target = target;
        this.name = name;
        this.tid = nextThreadId();
        Thread parent = currentThread();
        this.daemon = parent.daemon;
        this.priority = parent.priority;
        this.contextClassLoader = parent.contextClassLoader;
        if (parent.inheritableThreadLocals != null) {
            this.inheritableThreadLocals = ThreadLocal.createInheritedMap(parent.inheritableThreadLocals);
        }
    }

    public Thread(ThreadGroup group, Runnable target, String name, long stackSize, boolean inheritThreadLocals) {
        this(group, target, name, stackSize);
        if (!inheritThreadLocals) {
            this.inheritableThreadLocals = null;
        }
    }

    public synchronized void start() {
        if (started) {
            throw new IllegalThreadStateException();
        }
        started = true;
        throw new UnsupportedOperationException("roast: starting threads is not supported yet");
    }

    @Override
    public void run() {
        if (target != null) {
            target.run();
        }
    }

    public static void yield() {
    }

    public static void onSpinWait() {
    }

    public static void sleep(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        Thread t = currentThread();
        if (t.interrupted) {
            t.interrupted = false;
            throw new InterruptedException("sleep interrupted");
        }
        sleep0(millis, 0);
    }

    public static void sleep(long millis, int nanos) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        Thread t = currentThread();
        if (t.interrupted) {
            t.interrupted = false;
            throw new InterruptedException("sleep interrupted");
        }
        sleep0(millis, nanos);
    }

    private static native void sleep0(long millis, int nanos);

    public void interrupt() {
        interrupted = true;
    }

    public static boolean interrupted() {
        Thread t = currentThread();
        boolean was = t.interrupted;
        t.interrupted = false;
        return was;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public final boolean isAlive() {
        return this == currentThread0() || (started && false);
    }

    public final void setPriority(int newPriority) {
        if (newPriority > MAX_PRIORITY || newPriority < MIN_PRIORITY) {
            throw new IllegalArgumentException();
        }
        priority = newPriority;
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
        return null;
    }

    public static int activeCount() {
        return 1;
    }

    public final void join(long millis) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
    }

    public final void join(long millis, int nanos) throws InterruptedException {
        join(millis);
    }

    public final void join() throws InterruptedException {
        join(0);
    }

    public static void dumpStack() {
        new Exception("Stack trace").printStackTrace();
    }

    public final void setDaemon(boolean on) {
        if (started) {
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
        return "Thread[" + getName() + "," + getPriority() + ",main]";
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

    private static native boolean holdsLock0(Object obj);

    public StackTraceElement[] getStackTrace() {
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
        if (this == currentThread0()) {
            return State.RUNNABLE;
        }
        return started ? State.TERMINATED : State.NEW;
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
        return uncaughtExceptionHandler;
    }

    public void setUncaughtExceptionHandler(UncaughtExceptionHandler eh) {
        uncaughtExceptionHandler = eh;
    }

    /** Called by the runtime for an exception that ended this thread. */
    void dispatchUncaughtException(Throwable e) {
        UncaughtExceptionHandler h = uncaughtExceptionHandler;
        if (h == null) {
            h = defaultUncaughtExceptionHandler;
        }
        if (h != null) {
            h.uncaughtException(this, e);
        } else if (!(e instanceof ThreadDeath)) {
            System.err.print("Exception in thread \"" + getName() + "\" ");
            e.printStackTrace(System.err);
        }
    }
}
