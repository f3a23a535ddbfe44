/*
 * roast SDK replacement for java.lang.ref.Reference while roast has no garbage collector:
 * nothing is ever reclaimed, so a reference is never cleared or enqueued by the collector
 * (exactly what HotSpot does for referents that stay strongly reachable). HotSpot's version
 * starts the "Reference Handler" thread and waits on VM natives for the pending list.
 * The package-private fields ReferenceQueue uses keep their JDK names.
 */
package java.lang.ref;

public abstract class Reference<T> {
    private T referent;
    volatile ReferenceQueue<? super T> queue;
    volatile Reference next;
    private transient Reference<?> discovered;

    Reference(T referent) {
        this(referent, null);
    }

    Reference(T referent, ReferenceQueue<? super T> queue) {
        this.referent = referent;
        this.queue = (queue == null) ? ReferenceQueue.NULL : queue;
    }

    public T get() {
        return referent;
    }

    public final boolean refersTo(T obj) {
        return refersToImpl(obj);
    }

    boolean refersToImpl(T obj) {
        return referent == obj;
    }

    public void clear() {
        referent = null;
    }

    T getFromInactiveFinalReference() {
        return referent;
    }

    void clearInactiveFinalReference() {
        referent = null;
    }

    public boolean isEnqueued() {
        return queue == ReferenceQueue.ENQUEUED;
    }

    public boolean enqueue() {
        clear();
        return queue.enqueue(this);
    }

    @Override
    protected Object clone() throws CloneNotSupportedException {
        throw new CloneNotSupportedException();
    }

    public static void reachabilityFence(Object ref) {
    }
}
