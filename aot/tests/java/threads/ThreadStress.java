import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Eight threads allocate, lock and exchange work through queues; every total is checked
 * exactly at the end.
 *
 * Four producers build small object graphs (a boxed payload list and a string), hand them to
 * four consumers through a bounded blocking queue and, per item, bump a synchronized counter,
 * an AtomicLong, a LongAdder, a ReentrantLock-guarded HashMap and a ConcurrentHashMap, and
 * move money between bank accounts under two nested monitors (ordered to avoid deadlock).
 * Consumers verify each item's checksum, sum the values and keep the last few items alive
 * in a ring so that the collector always has old and young objects to trace.
 *
 * usage: ThreadStress                 a fixed workload (4 x 20000 items), output compared
 *                                      with HotSpot's byte for byte
 *        ThreadStress items N         a fixed workload of N items per producer
 *        ThreadStress seconds S       producers run for S seconds; the program checks its
 *                                      totals itself and exits 1 on any mismatch
 */
public class ThreadStress {
    static final int PRODUCERS = 4;
    static final int CONSUMERS = 4;
    static final int ACCOUNTS = 16;
    static final long OPENING_BALANCE = 1_000_000;

    /** One unit of work: a value, a payload graph and a checksum over both. */
    static final class Item {
        final long value;
        final List<Integer> payload;
        final String label;
        final long checksum;

        Item(long value) {
            this.value = value;
            int n = (int) (value % 13) + 3;
            payload = new ArrayList<>(n);
            long sum = 0;
            for (int i = 0; i < n; i++) {
                int element = (int) (value * 31 + i * 7) & 0xffff;
                payload.add(element);
                sum += element;
            }
            label = "item-" + value;
            checksum = sum * 1_000_003L + label.length();
        }

        boolean intact() {
            long sum = 0;
            for (int element : payload) {
                sum += element;
            }
            return checksum == sum * 1_000_003L + label.length() && label.equals("item-" + value);
        }
    }

    static final Item POISON = new Item(-1);

    private long syncCount;
    private final AtomicLong atomicCount = new AtomicLong();
    private final LongAdder adderCount = new LongAdder();
    private final ReentrantLock mapLock = new ReentrantLock();
    private final Map<Integer, Long> lockedMap = new HashMap<>();
    private final ConcurrentHashMap<Integer, Long> concurrentMap = new ConcurrentHashMap<>();
    private final long[] balances = new long[ACCOUNTS];
    private final Object[] accountLocks = new Object[ACCOUNTS];

    ThreadStress() {
        for (int i = 0; i < ACCOUNTS; i++) {
            balances[i] = OPENING_BALANCE;
            accountLocks[i] = new Object();
        }
    }

    synchronized void countSync() {
        syncCount++;
    }

    void transfer(int from, int to, long amount) {
        if (from == to) {
            return;
        }
        Object first = accountLocks[Math.min(from, to)];
        Object second = accountLocks[Math.max(from, to)];
        synchronized (first) {
            synchronized (second) {
                balances[from] -= amount;
                balances[to] += amount;
            }
        }
    }

    /** What one producer did, for the checks at the end. */
    static final class Produced {
        long items;
        long valueSum;
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "items";
        long limit = args.length > 1 ? Long.parseLong(args[1]) : 20_000;
        boolean timed = mode.equals("seconds");
        if (!timed && !mode.equals("items")) {
            System.err.println("usage: ThreadStress [items N | seconds S]");
            System.exit(2);
        }
        long deadline = System.nanoTime() + limit * 1_000_000_000L;
        ThreadStress state = new ThreadStress();
        BlockingQueue<Item> queue = new ArrayBlockingQueue<>(256);
        Produced[] produced = new Produced[PRODUCERS];
        long[] consumedItems = new long[CONSUMERS];
        long[] consumedSums = new long[CONSUMERS];
        long[] corrupt = new long[CONSUMERS];
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();

        for (int p = 0; p < PRODUCERS; p++) {
            int id = p;
            produced[p] = new Produced();
            threads.add(new Thread(() -> {
                Produced mine = produced[id];
                try {
                    start.await();
                    for (long i = 0; timed ? System.nanoTime() < deadline : i < limit; i++) {
                        long value = i * PRODUCERS + id;
                        queue.put(new Item(value));
                        mine.items++;
                        mine.valueSum += value;
                        state.countSync();
                        state.atomicCount.incrementAndGet();
                        state.adderCount.increment();
                        int key = (int) (value % 1000);
                        state.mapLock.lock();
                        try {
                            state.lockedMap.merge(key, 1L, Long::sum);
                        } finally {
                            state.mapLock.unlock();
                        }
                        state.concurrentMap.merge(key, value, Long::sum);
                        state.transfer((int) (value % ACCOUNTS), (int) (value * 7 % ACCOUNTS), value % 100);
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "producer-" + p));
        }
        for (int c = 0; c < CONSUMERS; c++) {
            int id = c;
            threads.add(new Thread(() -> {
                Item[] ring = new Item[64];
                try {
                    start.await();
                    for (long n = 0; ; n++) {
                        Item item = queue.take();
                        if (item == POISON) {
                            break;
                        }
                        if (!item.intact()) {
                            corrupt[id]++;
                        }
                        consumedItems[id]++;
                        consumedSums[id] += item.value;
                        ring[(int) (n % ring.length)] = item;
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, "consumer-" + c));
        }
        for (Thread t : threads) {
            t.start();
        }
        start.countDown();
        for (int p = 0; p < PRODUCERS; p++) {
            threads.get(p).join();
        }
        for (int c = 0; c < CONSUMERS; c++) {
            queue.put(POISON);
        }
        for (int c = 0; c < CONSUMERS; c++) {
            threads.get(PRODUCERS + c).join();
        }

        long items = 0;
        long valueSum = 0;
        for (Produced p : produced) {
            items += p.items;
            valueSum += p.valueSum;
        }
        long consumed = 0;
        long consumedSum = 0;
        long corrupted = 0;
        for (int c = 0; c < CONSUMERS; c++) {
            consumed += consumedItems[c];
            consumedSum += consumedSums[c];
            corrupted += corrupt[c];
        }
        long lockedTotal = 0;
        for (long v : state.lockedMap.values()) {
            lockedTotal += v;
        }
        long concurrentTotal = 0;
        for (long v : state.concurrentMap.values()) {
            concurrentTotal += v;
        }
        long bank = 0;
        for (long b : state.balances) {
            bank += b;
        }

        List<String> errors = new ArrayList<>();
        expect(errors, "consumed items", consumed, items);
        expect(errors, "consumed value sum", consumedSum, valueSum);
        expect(errors, "corrupt items", corrupted, 0);
        expect(errors, "synchronized counter", state.syncCount, items);
        expect(errors, "AtomicLong", state.atomicCount.get(), items);
        expect(errors, "LongAdder", state.adderCount.sum(), items);
        expect(errors, "ReentrantLock map total", lockedTotal, items);
        expect(errors, "ConcurrentHashMap total", concurrentTotal, valueSum);
        expect(errors, "bank total", bank, ACCOUNTS * OPENING_BALANCE);

        if (timed) {
            System.out.println("items produced and consumed: " + items);
        } else {
            System.out.println("items: " + items + ", value sum: " + valueSum);
            System.out.println("synchronized: " + state.syncCount + ", atomic: " + state.atomicCount.get()
                    + ", adder: " + state.adderCount.sum());
            System.out.println("map keys: " + state.lockedMap.size() + "/" + state.concurrentMap.size()
                    + ", map totals: " + lockedTotal + "/" + concurrentTotal);
            System.out.println("bank: " + bank + ", balances: " + java.util.Arrays.toString(state.balances));
        }
        if (errors.isEmpty()) {
            System.out.println("all totals exact");
        } else {
            for (String e : errors) {
                System.out.println("MISMATCH " + e);
            }
            System.exit(1);
        }
    }

    static void expect(List<String> errors, String what, long got, long expected) {
        if (got != expected) {
            errors.add(what + ": " + got + " != " + expected);
        }
    }
}
