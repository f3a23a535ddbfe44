class Sync {
    private int count;
    private static final Object LOCK = new Object();

    synchronized void inc() {
        count++;
    }

    int block() {
        synchronized (LOCK) {
            count += 2;
            return count;
        }
    }
}
