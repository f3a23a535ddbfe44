import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicMarkableReference;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.AtomicStampedReference;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongBinaryOperator;
import java.util.function.UnaryOperator;

/** java.util.concurrent classes whose state lives behind VarHandles in java.base. */
public class ConcurrentUtilities {
    public static void main(String[] args) {
        atomics();
        atomicArrays();
        adders();
        maps();
        queues();
        futures();
        System.out.println("done");
    }

    static void atomics() {
        AtomicReference<String> ref = new AtomicReference<>("a");
        System.out.println("ref " + ref.get() + " cas " + ref.compareAndSet("a", "b") + " " + ref.compareAndSet("a", "c")
                + " getAndSet " + ref.getAndSet("d") + " now " + ref);
        String up = ref.updateAndGet(new UnaryOperator<String>() {
            public String apply(String s) {
                return s + "!";
            }
        });
        System.out.println("updateAndGet " + up + " acquire " + ref.getAcquire() + " plain " + ref.getPlain());
        ref.lazySet("e");
        ref.setRelease("f");
        System.out.println("cae " + ref.compareAndExchange("f", "g") + " weak " + ref.weakCompareAndSetVolatile("g", "h") + " " + ref.get());
        AtomicBoolean flag = new AtomicBoolean();
        System.out.println("bool " + flag.get() + " " + flag.compareAndSet(false, true) + " " + flag.getAndSet(false) + " " + flag);
        AtomicInteger ai = new AtomicInteger(5);
        System.out.println("int " + ai.incrementAndGet() + " " + ai.getAndAdd(10) + " " + ai.accumulateAndGet(3, new java.util.function.IntBinaryOperator() {
            public int applyAsInt(int a, int b) {
                return a * b;
            }
        }));
        AtomicLong al = new AtomicLong(1L << 35);
        System.out.println("long " + al.addAndGet(7) + " " + al.compareAndSet(1L << 35, 0) + " " + al.decrementAndGet());
        AtomicStampedReference<String> stamped = new AtomicStampedReference<>("x", 1);
        System.out.println("stamped " + stamped.compareAndSet("x", "y", 1, 2) + " " + stamped.getReference() + " " + stamped.getStamp());
        AtomicMarkableReference<String> marked = new AtomicMarkableReference<>("m", false);
        System.out.println("marked " + marked.attemptMark("m", true) + " " + marked.isMarked());
    }

    static void atomicArrays() {
        AtomicIntegerArray ints = new AtomicIntegerArray(4);
        ints.set(1, 40);
        System.out.println("int[] " + ints.getAndIncrement(1) + " " + ints.addAndGet(1, 2) + " " + ints.compareAndSet(3, 0, 7) + " " + ints);
        AtomicLongArray longs = new AtomicLongArray(new long[] {1, 2, 3});
        System.out.println("long[] " + longs.getAndAdd(2, 100) + " " + longs);
        AtomicReferenceArray<String> refs = new AtomicReferenceArray<>(3);
        refs.set(0, "zero");
        System.out.println("ref[] " + refs.compareAndSet(0, "zero", "nil") + " " + refs.getAndSet(2, "two") + " " + refs);
        try {
            refs.get(3);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("ref[] bounds " + e.getMessage());
        }
    }

    static void adders() {
        LongAdder adder = new LongAdder();
        for (int i = 1; i <= 100; i++) {
            adder.add(i);
        }
        adder.increment();
        System.out.println("adder " + adder.sum() + " " + adder);
        LongAccumulator max = new LongAccumulator(new LongBinaryOperator() {
            public long applyAsLong(long a, long b) {
                return Math.max(a, b);
            }
        }, Long.MIN_VALUE);
        max.accumulate(3);
        max.accumulate(42);
        max.accumulate(-7);
        System.out.println("max " + max.get());
    }

    static void maps() {
        ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
        for (int i = 0; i < 50; i++) {
            map.put("k" + i, i);
        }
        map.merge("k1", 100, new BiFunction<Integer, Integer, Integer>() {
            public Integer apply(Integer a, Integer b) {
                return a + b;
            }
        });
        map.computeIfAbsent("new", new Function<String, Integer>() {
            public Integer apply(String k) {
                return k.length();
            }
        });
        map.compute("k3", new BiFunction<String, Integer, Integer>() {
            public Integer apply(String k, Integer v) {
                return v == null ? -1 : v * 10;
            }
        });
        map.remove("k2");
        map.putIfAbsent("k4", 999);
        map.replace("k5", 5, 55);
        long sum = 0;
        for (Integer v : map.values()) {
            sum += v;
        }
        List<String> keys = new ArrayList<>(map.keySet());
        java.util.Collections.sort(keys);
        System.out.println("chm size " + map.size() + " k1 " + map.get("k1") + " new " + map.get("new") + " k2 " + map.get("k2")
                + " k3 " + map.get("k3") + " k4 " + map.get("k4") + " k5 " + map.get("k5") + " sum " + sum
                + " first keys " + keys.subList(0, 5) + " contains " + map.containsValue(101));
        ConcurrentHashMap<Integer, Integer> counts = new ConcurrentHashMap<>(4);
        for (int i = 0; i < 1000; i++) {
            counts.merge(i % 7, 1, new BiFunction<Integer, Integer, Integer>() {
                public Integer apply(Integer a, Integer b) {
                    return a + b;
                }
            });
        }
        System.out.println("counts " + counts);
        Map<String, Integer> view = ConcurrentHashMap.newKeySet().isEmpty() ? map : null;
        System.out.println("view " + (view == map));
    }

    static void queues() {
        ConcurrentLinkedQueue<Integer> q = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 5; i++) {
            q.offer(i);
        }
        System.out.println("queue " + q.poll() + " " + q.peek() + " " + q.size() + " " + q);
        ConcurrentLinkedDeque<String> d = new ConcurrentLinkedDeque<>();
        d.addFirst("b");
        d.addFirst("a");
        d.addLast("c");
        System.out.println("deque " + d.pollLast() + " " + d);
        CopyOnWriteArrayList<String> cow = new CopyOnWriteArrayList<>(new String[] {"x", "y"});
        cow.addIfAbsent("x");
        cow.addIfAbsent("z");
        System.out.println("cow " + cow);
    }

    static void futures() {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        CompletableFuture<String> g = f.thenApply(new Function<Integer, String>() {
            public String apply(Integer v) {
                return "value " + (v * 2);
            }
        });
        System.out.println("future done " + f.isDone() + " " + g.isDone());
        f.complete(21);
        System.out.println("future " + g.join() + " " + f.getNow(0) + " " + g.isDone());
    }
}
