// java.util.concurrent on roast threads: ReentrantLock with conditions, ReadWriteLock,
// CountDownLatch, Semaphore, CyclicBarrier, a fixed thread pool with futures and
// invokeAll, CompletableFuture on an executor, atomics hammered by several threads,
// LockSupport park/unpark with timeouts. Every printed value is deterministic.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
import java.util.concurrent.locks.*;

public class ConcurrentWork {
    public static void main(String[] args) throws Exception {
        ReentrantLock lock = new ReentrantLock();
        Condition changed = lock.newCondition();
        long[] total = {0};
        Thread[] ts = new Thread[4];
        for (int t = 0; t < 4; t++) {
            final int id = t;
            ts[t] = new Thread(() -> {
                for (int i = 0; i < 20000; i++) {
                    lock.lock();
                    try {
                        total[0] += id + 1;
                        changed.signalAll();
                    } finally {
                        lock.unlock();
                    }
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("lock total " + total[0] + " locked " + lock.isLocked());

        lock.lock();
        try {
            long start = System.nanoTime();
            boolean signalled = changed.await(30, TimeUnit.MILLISECONDS);
            System.out.println("timed await signalled " + signalled + " waited >= 25ms " + ((System.nanoTime() - start) >= 25_000_000L));
        } finally {
            lock.unlock();
        }

        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        List<Integer> list = new ArrayList<>();
        Thread[] rws = new Thread[3];
        for (int t = 0; t < 3; t++) {
            final int id = t;
            rws[t] = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    if (i % 3 == 0) {
                        rw.writeLock().lock();
                        try {
                            list.add(id);
                        } finally {
                            rw.writeLock().unlock();
                        }
                    } else {
                        rw.readLock().lock();
                        try {
                            list.size();
                        } finally {
                            rw.readLock().unlock();
                        }
                    }
                }
            });
            rws[t].start();
        }
        for (Thread t : rws) t.join();
        System.out.println("rw list size " + list.size());

        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        AtomicLong sum = new AtomicLong();
        AtomicInteger adder = new AtomicInteger();
        for (int t = 0; t < 3; t++) {
            new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 1; i <= 50000; i++) {
                    sum.addAndGet(i);
                    adder.addAndGet(2);
                }
                done.countDown();
            }).start();
        }
        go.countDown();
        System.out.println("latch awaited " + done.await(20, TimeUnit.SECONDS) + " sum " + sum.get() + " adder " + adder.get());

        CyclicBarrier barrier = new CyclicBarrier(3);
        AtomicInteger tripped = new AtomicInteger();
        Thread[] parties = new Thread[3];
        for (int t = 0; t < 3; t++) {
            parties[t] = new Thread(() -> {
                try {
                    for (int round = 0; round < 5; round++) {
                        if (barrier.await() == 0) tripped.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            parties[t].start();
        }
        for (Thread t : parties) t.join();
        System.out.println("barrier rounds " + tripped.get());

        ExecutorService pool = Executors.newFixedThreadPool(3);
        Semaphore sem = new Semaphore(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            final int n = i;
            futures.add(pool.submit(() -> {
                sem.acquire();
                try {
                    maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(1);
                    inside.decrementAndGet();
                } finally {
                    sem.release();
                }
                return n * n;
            }));
        }
        int squares = 0;
        for (Future<Integer> f : futures) squares += f.get();
        System.out.println("pool squares " + squares + " max inside " + maxInside.get());
        List<Callable<String>> calls = List.of(() -> "x", () -> "y", () -> "z");
        StringBuilder sb = new StringBuilder();
        for (Future<String> f : pool.invokeAll(calls)) sb.append(f.get());
        System.out.println("invokeAll " + sb);
        Future<?> bad = pool.submit(() -> {
            throw new IllegalStateException("task failed");
        });
        try {
            bad.get();
        } catch (ExecutionException e) {
            System.out.println("execution exception: " + e.getCause());
        }
        CompletableFuture<Integer> cf = CompletableFuture.supplyAsync(() -> 20, pool)
                .thenApplyAsync(x -> x + 1, pool)
                .thenCombine(CompletableFuture.supplyAsync(() -> 2, pool), (x, y) -> x * y);
        System.out.println("completable " + cf.get(20, TimeUnit.SECONDS));
        pool.shutdown();
        System.out.println("terminated " + pool.awaitTermination(20, TimeUnit.SECONDS));

        // park/unpark
        Thread parker = new Thread(() -> {
            LockSupport.park();
            System.out.println("parker unparked, interrupted " + Thread.currentThread().isInterrupted());
        });
        parker.start();
        while (parker.getState() != Thread.State.WAITING) Thread.onSpinWait();
        LockSupport.unpark(parker);
        parker.join();
        long t0 = System.nanoTime();
        LockSupport.parkNanos(20_000_000L);
        System.out.println("parkNanos waited >= 15ms " + ((System.nanoTime() - t0) >= 15_000_000L));
        Thread interrupted = new Thread(() -> {
            LockSupport.park();
            System.out.println("park returned on interrupt " + Thread.currentThread().isInterrupted());
        });
        interrupted.start();
        while (interrupted.getState() != Thread.State.WAITING) Thread.onSpinWait();
        interrupted.interrupt();
        interrupted.join();
    }
}
