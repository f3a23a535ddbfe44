import java.util.ArrayDeque;

/**
 * Object-oriented dispatch and scheduling in the style of Richards: a priority scheduler runs
 * tasks of four kinds (idle, worker, handler, device) that exchange packets through queues,
 * suspend and resume each other. Virtual calls, field access and small objects. Size: rounds.
 */
public class Scheduler {
    static final class Packet {
        final int kind;
        int value;
        Packet link;

        Packet(int kind, int value) {
            this.kind = kind;
            this.value = value;
        }
    }

    abstract static class Task {
        final int id;
        final int priority;
        final ArrayDeque<Packet> inbox = new ArrayDeque<>();
        boolean suspended;
        long runs;

        Task(int id, int priority) {
            this.id = id;
            this.priority = priority;
        }

        boolean ready() {
            return !suspended && (!inbox.isEmpty() || alwaysReady());
        }

        boolean alwaysReady() {
            return false;
        }

        /** Runs one step; returns the task to resume, or null. */
        abstract Task step(Kernel k);
    }

    static final class Kernel {
        final Task[] tasks;
        long holdCount;
        long queueCount;

        Kernel(Task[] tasks) {
            this.tasks = tasks;
        }

        void send(Packet p, int to) {
            queueCount++;
            Task t = tasks[to];
            t.inbox.add(p);
            t.suspended = false;
        }

        Task pick() {
            Task best = null;
            for (Task t : tasks) {
                if (t.ready() && (best == null || t.priority > best.priority)) {
                    best = t;
                }
            }
            return best;
        }

        void hold(Task t) {
            holdCount++;
            t.suspended = true;
        }
    }

    static final class IdleTask extends Task {
        int seed = 1;
        int budget;

        IdleTask(int id, int budget) {
            super(id, 0);
            this.budget = budget;
        }

        @Override
        boolean alwaysReady() {
            return budget > 0;
        }

        @Override
        Task step(Kernel k) {
            budget--;
            seed = seed * 1103515245 + 12345;
            int device = (seed >>> 16) % 2 == 0 ? 2 : 3;
            k.send(new Packet(0, seed >>> 20), device);
            return null;
        }
    }

    static final class WorkerTask extends Task {
        int counter;

        WorkerTask(int id) {
            super(id, 1000);
        }

        @Override
        Task step(Kernel k) {
            Packet p = inbox.poll();
            int sum = 0;
            for (int i = 0; i < 4; i++) {
                counter = (counter + 1) % 26;
                sum += 'A' + counter;
            }
            p.value += sum;
            k.send(p, 4 + (counter & 1));
            return null;
        }
    }

    static final class DeviceTask extends Task {
        DeviceTask(int id) {
            super(id, 4000);
        }

        @Override
        Task step(Kernel k) {
            Packet p = inbox.poll();
            p.value ^= id;
            k.send(p, 1);
            return null;
        }
    }

    static final class HandlerTask extends Task {
        long checksum;

        HandlerTask(int id) {
            super(id, 3000);
        }

        @Override
        Task step(Kernel k) {
            Packet p = inbox.poll();
            checksum = checksum * 31 + p.value;
            if ((p.value & 7) == 0) {
                k.hold(this);
            }
            return k.tasks[0];
        }
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        long checksum = 0, holds = 0, queued = 0;
        for (int r = 0; r < rounds; r++) {
            Task[] tasks = {
                new IdleTask(0, 1000), new WorkerTask(1), new DeviceTask(2), new DeviceTask(3),
                new HandlerTask(4), new HandlerTask(5),
            };
            Kernel k = new Kernel(tasks);
            Task t;
            while ((t = k.pick()) != null) {
                t.runs++;
                Task resume = t.step(k);
                if (resume != null) {
                    resume.suspended = false;
                }
                for (Task h : tasks) {
                    if (h instanceof HandlerTask && h.suspended && h.inbox.size() > 3) {
                        h.suspended = false;
                    }
                }
            }
            checksum += ((HandlerTask) tasks[4]).checksum ^ ((HandlerTask) tasks[5]).checksum;
            holds += k.holdCount;
            queued += k.queueCount;
        }
        System.out.println("checksum " + checksum + " holds " + holds + " queued " + queued);
    }
}
