import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.concurrent.atomic.LongAdder;

/**
 * Atomic read-modify-writes, compare-and-sets and volatile/acquire/release/opaque accesses
 * from several threads at once, through every JDK front end of Unsafe (atomic classes,
 * arrays, field updaters, VarHandles on instance and static fields and on array elements).
 * Every total is exact: a lost update, a torn value or a missed publication changes it.
 */
public class AtomicAccess {
    static final int THREADS = 4;
    static final int ROUNDS = 200_000;

    // Targets of the VarHandles and field updaters.
    volatile int vint;
    volatile long vlong;
    volatile Node vref;
    static volatile int staticInt;
    static volatile long staticLong;
    static volatile Object staticRef;

    static final VarHandle VINT;
    static final VarHandle VLONG;
    static final VarHandle VREF;
    static final VarHandle STATIC_INT;
    static final VarHandle STATIC_LONG;
    static final VarHandle STATIC_REF;
    static final VarHandle INT_ELEMENTS = MethodHandles.arrayElementVarHandle(int[].class);
    static final VarHandle LONG_ELEMENTS = MethodHandles.arrayElementVarHandle(long[].class);
    static final VarHandle REF_ELEMENTS = MethodHandles.arrayElementVarHandle(Object[].class);
    static final AtomicIntegerFieldUpdater<AtomicAccess> INT_UPDATER =
            AtomicIntegerFieldUpdater.newUpdater(AtomicAccess.class, "vint");
    static final AtomicLongFieldUpdater<AtomicAccess> LONG_UPDATER =
            AtomicLongFieldUpdater.newUpdater(AtomicAccess.class, "vlong");
    static final AtomicReferenceFieldUpdater<AtomicAccess, Node> REF_UPDATER =
            AtomicReferenceFieldUpdater.newUpdater(AtomicAccess.class, Node.class, "vref");

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            VINT = l.findVarHandle(AtomicAccess.class, "vint", int.class);
            VLONG = l.findVarHandle(AtomicAccess.class, "vlong", long.class);
            VREF = l.findVarHandle(AtomicAccess.class, "vref", Node.class);
            STATIC_INT = l.findStaticVarHandle(AtomicAccess.class, "staticInt", int.class);
            STATIC_LONG = l.findStaticVarHandle(AtomicAccess.class, "staticLong", long.class);
            STATIC_REF = l.findStaticVarHandle(AtomicAccess.class, "staticRef", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A node of a lock-free (Treiber) stack. */
    static final class Node {
        final int value;
        final Node next;

        Node(int value, Node next) {
            this.value = value;
            this.next = next;
        }
    }

    interface Body {
        void run(int thread) throws Exception;
    }

    /** Runs `body` on THREADS threads at once and waits for them. */
    static void inParallel(Body body) throws InterruptedException {
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            final int id = t;
            threads[t] = new Thread(() -> {
                try {
                    body.run(id);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
        for (Thread t : threads) {
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    static long stackSum(Node n) {
        long sum = 0;
        for (; n != null; n = n.next) {
            sum += n.value;
        }
        return sum;
    }

    static int stackSize(Node n) {
        int size = 0;
        for (; n != null; n = n.next) {
            size++;
        }
        return size;
    }

    public static void main(String[] args) throws Exception {
        atomicClasses();
        atomicArrays();
        fieldUpdaters();
        instanceVarHandles();
        staticVarHandles();
        arrayVarHandles();
        publication();
        singleThreaded();
        libraries();
    }

    static void atomicClasses() throws Exception {
        AtomicInteger ints = new AtomicInteger();
        AtomicLong longs = new AtomicLong(1L << 40);
        AtomicReference<Node> top = new AtomicReference<>();
        AtomicInteger maxSeen = new AtomicInteger(Integer.MIN_VALUE);
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                ints.incrementAndGet();
                ints.getAndAdd(2);
                ints.addAndGet(-1);
                longs.addAndGet(i);
                long seen;
                do {
                    seen = longs.get();
                } while (!longs.compareAndSet(seen, seen + 3));
                if (i % 8 == 0) {
                    Node n;
                    do {
                        n = top.get();
                    } while (!top.compareAndSet(n, new Node(t * ROUNDS + i, n)));
                }
                maxSeen.accumulateAndGet(t * 1000 + i % 1000, Math::max);
            }
        });
        long expectedLongs = (1L << 40) + THREADS * ((long) ROUNDS * (ROUNDS - 1) / 2 + 3L * ROUNDS);
        System.out.println("AtomicInteger " + ints.get() + " expected " + 2 * THREADS * ROUNDS);
        System.out.println("AtomicLong " + longs.get() + " ok " + (longs.get() == expectedLongs));
        System.out.println("AtomicReference stack size " + stackSize(top.get())
                + " sum " + stackSum(top.get()));
        System.out.println("accumulate max " + maxSeen.get());
        // getAndSet hands each token to exactly one taker.
        AtomicReference<String> slot = new AtomicReference<>("start");
        AtomicLong taken = new AtomicLong();
        AtomicInteger exchanges = new AtomicInteger();
        inParallel(t -> {
            for (int i = 0; i < ROUNDS / 4; i++) {
                String mine = Integer.toString(t * ROUNDS + i);
                String old = slot.getAndSet(mine);
                if (!old.equals("start")) {
                    taken.addAndGet(Long.parseLong(old));
                }
                exchanges.getAndIncrement();
            }
        });
        long total = taken.get() + Long.parseLong(slot.get());
        long expected = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < ROUNDS / 4; i++) {
                expected += t * ROUNDS + i;
            }
        }
        System.out.println("getAndSet exchanges " + exchanges.get() + " conserved " + (total == expected));
        AtomicInteger swap = new AtomicInteger();
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                swap.getAndSet(i);
            }
        });
        System.out.println("AtomicInteger getAndSet last " + swap.get());
    }

    static void atomicArrays() throws Exception {
        AtomicIntegerArray ints = new AtomicIntegerArray(16);
        AtomicLongArray longs = new AtomicLongArray(16);
        AtomicReferenceArray<Node> tops = new AtomicReferenceArray<>(4);
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                ints.getAndIncrement(i & 15);
                ints.addAndGet((i + t) & 15, 2);
                longs.getAndAdd(i & 15, (long) i << 20);
                int k = i & 3;
                if (i % 4 == t) {
                    Node n;
                    do {
                        n = tops.get(k);
                    } while (!tops.compareAndSet(k, n, new Node(i, n)));
                }
                int e;
                do {
                    e = ints.get(15 - (i & 15));
                } while (!ints.weakCompareAndSetVolatile(15 - (i & 15), e, e));
            }
        });
        long intSum = 0;
        long longSum = 0;
        StringBuilder perSlot = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            intSum += ints.get(i);
            longSum += longs.get(i);
            perSlot.append(ints.get(i)).append(i < 15 ? "," : "");
        }
        int nodes = 0;
        long nodeSum = 0;
        for (int k = 0; k < 4; k++) {
            nodes += stackSize(tops.get(k));
            nodeSum += stackSum(tops.get(k));
        }
        System.out.println("AtomicIntegerArray sum " + intSum + " slots " + perSlot);
        System.out.println("AtomicLongArray sum " + longSum);
        System.out.println("AtomicReferenceArray nodes " + nodes + " sum " + nodeSum);
    }

    static void fieldUpdaters() throws Exception {
        AtomicAccess target = new AtomicAccess();
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                INT_UPDATER.incrementAndGet(target);
                LONG_UPDATER.addAndGet(target, 1L << 33);
                if (i % 16 == 0) {
                    Node n;
                    do {
                        n = target.vref;
                    } while (!REF_UPDATER.compareAndSet(target, n, new Node(i, n)));
                }
            }
        });
        System.out.println("updaters int " + target.vint + " long " + target.vlong
                + " nodes " + stackSize(target.vref) + " sum " + stackSum(target.vref));
    }

    static void instanceVarHandles() throws Exception {
        AtomicAccess target = new AtomicAccess();
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                VINT.getAndAdd(target, 3);
                int v;
                do {
                    v = (int) VINT.getVolatile(target);
                } while (!VINT.compareAndSet(target, v, v - 1));
                long w;
                do {
                    w = (long) VLONG.getAcquire(target);
                } while (!VLONG.weakCompareAndSet(target, w, w + i));
                VLONG.getAndAdd(target, -1L);
                if (i % 32 == 0) {
                    Node n;
                    Node witness;
                    do {
                        n = (Node) VREF.getVolatile(target);
                        witness = (Node) VREF.compareAndExchange(target, n, new Node(i, n));
                    } while (witness != n);
                }
            }
        });
        long expectedLong = THREADS * ((long) ROUNDS * (ROUNDS - 1) / 2 - ROUNDS);
        System.out.println("VarHandle int " + target.vint + " long " + target.vlong
                + " ok " + (target.vlong == expectedLong)
                + " nodes " + stackSize(target.vref) + " sum " + stackSum(target.vref));
    }

    static void staticVarHandles() throws Exception {
        staticInt = 0;
        staticLong = 0;
        staticRef = null;
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                STATIC_INT.getAndAdd(1);
                int v;
                do {
                    v = (int) STATIC_INT.getVolatile();
                } while (!STATIC_INT.weakCompareAndSetPlain(v, v + 1));
                STATIC_LONG.getAndAdd((long) t);
                long w = (long) STATIC_LONG.compareAndExchange(-1L, 0L);
                if (w < 0) {
                    throw new AssertionError("negative " + w);
                }
                if (i % 64 == 0) {
                    Object o;
                    do {
                        o = STATIC_REF.getAcquire();
                    } while (!STATIC_REF.compareAndSet(o, new Node(i, (Node) o)));
                }
            }
        });
        Node top = (Node) STATIC_REF.getVolatile();
        System.out.println("static VarHandle int " + staticInt + " long " + staticLong
                + " nodes " + stackSize(top) + " sum " + stackSum(top));
        Object before = STATIC_REF.getAndSet("replaced");
        System.out.println("static getAndSet returned the stack " + (before == top) + ", now " + staticRef);
    }

    static void arrayVarHandles() throws Exception {
        int[] ints = new int[8];
        long[] longs = new long[8];
        Object[] refs = new Object[8];
        inParallel(t -> {
            for (int i = 0; i < ROUNDS; i++) {
                int k = (i + t) & 7;
                INT_ELEMENTS.getAndAdd(ints, k, 1);
                long w;
                do {
                    w = (long) LONG_ELEMENTS.getVolatile(longs, k);
                } while (!LONG_ELEMENTS.compareAndSet(longs, k, w, w + k));
                if (i % 16 == 0) {
                    Object o;
                    do {
                        o = REF_ELEMENTS.getVolatile(refs, k);
                    } while (!REF_ELEMENTS.compareAndSet(refs, k, o, new Node(i, (Node) o)));
                }
            }
        });
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            sb.append(' ').append(ints[k]).append('/').append(longs[k]).append('/')
                    .append(stackSize((Node) refs[k]));
        }
        System.out.println("array VarHandles" + sb);
    }

    /** Release/acquire, opaque and volatile publication: a writer fills a slot, then flags it. */
    static void publication() throws Exception {
        final int n = 20_000;
        final long[] data = new long[n];
        final int[] ready = new int[n];
        AtomicAccess flags = new AtomicAccess();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < n; i++) {
                data[i] = 31L * i + 7;
                INT_ELEMENTS.setRelease(ready, i, 1);
                VLONG.setOpaque(flags, (long) i);
                VINT.setVolatile(flags, i + 1);
            }
        });
        writer.start();
        long sum = 0;
        int lastSeen = 0;
        for (int i = 0; i < n; i++) {
            while ((int) INT_ELEMENTS.getAcquire(ready, i) == 0) {
                Thread.onSpinWait();
            }
            sum += data[i];
            int published = (int) VINT.getVolatile(flags);
            if (published < lastSeen) {
                throw new AssertionError("volatile went backwards");
            }
            lastSeen = published;
        }
        writer.join();
        long opaque = (long) VLONG.getOpaque(flags);
        System.out.println("published sum " + sum + " opaque " + opaque + " volatile " + (int) VINT.getVolatile(flags));
    }

    /** The results of failed and successful operations, on one thread. */
    static void singleThreaded() {
        AtomicInteger i = new AtomicInteger(5);
        System.out.println("cas " + i.compareAndSet(4, 9) + " " + i.compareAndSet(5, 9) + " " + i.get());
        System.out.println("cax " + i.compareAndExchange(1, 2) + " " + i.compareAndExchange(9, 2) + " " + i.get());
        System.out.println("getAndSet " + i.getAndSet(-7) + " getAndAdd " + i.getAndAdd(Integer.MAX_VALUE) + " " + i.get());
        i.lazySet(11);
        System.out.println("lazySet " + i.get());
        AtomicLong l = new AtomicLong(Long.MAX_VALUE);
        System.out.println("long overflow " + l.incrementAndGet() + " " + l.getAndSet(3) + " " + l.compareAndExchange(3, 4) + " " + l.get());
        System.out.println("getAndAdd " + l.getAndAdd(5) + " " + l.get());
        AtomicAccess holder = new AtomicAccess();
        Node first = new Node(1, null);
        System.out.println("updater getAndSet " + (REF_UPDATER.getAndSet(holder, first) == null)
                + " " + (REF_UPDATER.getAndSet(holder, null) == first) + " " + holder.vref);
        AtomicReference<String> r = new AtomicReference<>("a");
        String other = new String("a");
        System.out.println("ref identity " + r.compareAndSet(other, "b") + " " + r.compareAndSet("a", "b") + " " + r.get()
                + " " + r.compareAndExchange("x", "y") + " " + r.getAndSet(null) + " " + r.get());
        AtomicIntegerArray a = new AtomicIntegerArray(new int[] {1, 2, 3});
        System.out.println("array " + a.getAndSet(1, 20) + " " + a.compareAndExchange(2, 3, 30) + " " + a);
        try {
            a.get(3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("bounds " + e.getMessage());
        }
        try {
            INT_ELEMENTS.getAndAdd(new int[2], -1, 1);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("VarHandle bounds " + e.getMessage());
        }
        try {
            VINT.getAndAdd((AtomicAccess) null, 1);
        } catch (NullPointerException e) {
            System.out.println("VarHandle null receiver");
        }
    }

    static void libraries() throws Exception {
        LongAdder adder = new LongAdder();
        ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();
        inParallel(t -> {
            for (int i = 0; i < ROUNDS / 4; i++) {
                adder.add(i);
                map.merge(i % 1000, 1, Integer::sum);
            }
        });
        long mapTotal = 0;
        for (int v : map.values()) {
            mapTotal += v;
        }
        System.out.println("LongAdder " + adder.sum() + " map " + map.size() + " " + mapTotal);
    }
}
