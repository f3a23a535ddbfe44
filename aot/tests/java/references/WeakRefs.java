// Weak references (aot/tests/references.rs): cleared by System.gc() once their referent is
// only weakly reachable, kept (and following a moved referent) while it is strongly
// reachable; enqueued on their ReferenceQueue by the Reference Handler thread.
// Referents are made in helper methods so no local of main holds them; every wait is a
// bounded loop of System.gc() and queue polls, so the output is the same on HotSpot.
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

public class WeakRefs {
    static final class Payload {
        final int id;
        final int[] data;
        Payload(int id) {
            this.id = id;
            this.data = new int[64];
            this.data[63] = id * 7;
        }
    }

    static List<Payload> strong = new ArrayList<>();

    static WeakReference<Payload> unreachable(int id, ReferenceQueue<Payload> q) {
        return new WeakReference<>(new Payload(id), q);
    }

    static WeakReference<Payload> reachable(int id) {
        Payload p = new Payload(id);
        strong.add(p);
        return new WeakReference<>(p);
    }

    static boolean gcUntilCleared(Reference<?> r) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            System.gc();
            if (r.refersTo(null)) return true;
            Thread.sleep(10);
        }
        return false;
    }

    static void churn() {
        // Garbage between the survivors, so that a defragmenting collection has work.
        for (int i = 0; i < 20_000; i++) {
            Object[] o = new Object[8];
            o[0] = new int[i % 100];
        }
    }

    public static void main(String[] args) throws Exception {
        ReferenceQueue<Payload> queue = new ReferenceQueue<>();

        WeakReference<Payload> kept = reachable(1);
        WeakReference<Payload> gone = unreachable(2, queue);
        System.out.println("before gc: kept=" + (kept.get() != null) + " gone=" + (gone.get() != null));
        System.out.println("gone cleared: " + gcUntilCleared(gone));
        System.out.println("gone.get() == null: " + (gone.get() == null));
        Reference<? extends Payload> polled = queue.remove(5000);
        System.out.println("queue returned the reference: " + (polled == gone));
        System.out.println("queue empty afterwards: " + (queue.poll() == null));
        System.out.println("kept after gc: " + (kept.get() == strong.get(0)) + " id=" + kept.get().id);

        // Many references, half of them to reachable objects, across several collections
        // with garbage in between: reachable referents keep their identity and contents.
        List<WeakReference<Payload>> refs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            refs.add(i % 2 == 0 ? reachable(100 + i) : unreachable(100 + i, queue));
            if (i % 100 == 0) churn();
        }
        int enqueued = 0;
        for (int round = 0; round < 50 && enqueued < 1000; round++) {
            churn();
            System.gc();
            Reference<? extends Payload> r;
            while ((r = queue.remove(enqueued < 1000 ? 20 : 1)) != null) {
                if (r.get() != null) System.out.println("enqueued but not cleared");
                enqueued++;
            }
        }
        System.out.println("enqueued: " + enqueued);
        int alive = 0, intact = 0;
        for (int i = 0; i < refs.size(); i += 2) {
            Payload p = refs.get(i).get();
            if (p != null) alive++;
            if (p != null && p == strong.get(1 + i / 2) && p.data[63] == p.id * 7 && p.id == 100 + i) intact++;
        }
        System.out.println("reachable referents alive: " + alive + " intact: " + intact);
        int cleared = 0;
        for (int i = 1; i < refs.size(); i += 2) if (refs.get(i).refersTo(null)) cleared++;
        System.out.println("unreachable referents cleared: " + cleared);

        // A reference object that is itself unreachable is never enqueued.
        unreachable(5000, queue);
        System.gc();
        System.out.println("unreachable reference enqueued: " + (queue.remove(200) != null));

        // clear() and enqueue() by the program.
        WeakReference<Payload> manual = reachable(6000);
        System.out.println("enqueue(): " + manual.enqueue() + " again: " + manual.enqueue());
        System.out.println("manual refersTo(null): " + manual.refersTo(null));
        ReferenceQueue<Payload> q2 = new ReferenceQueue<>();
        WeakReference<Payload> byHand = new WeakReference<>(strong.get(0), q2);
        byHand.enqueue();
        System.out.println("enqueued by hand polled: " + (q2.poll() == byHand) + " isEnqueued: " + byHand.isEnqueued());
        strong.clear();
        System.out.println("kept cleared once unreachable: " + gcUntilCleared(kept));
    }
}
