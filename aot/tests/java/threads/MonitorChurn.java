// Fat monitors of dead objects are recycled: three million short-lived objects are hashed and
// then locked (which inflates each lock word to a fat monitor), with a payload that makes the
// collector run often. `aot/tests/threads.rs` checks the output and that the process's peak
// RSS stays far below what three million live monitors would take. `bump` is the synchronized
// method whose compiled code the same test disassembles (inlined thin-lock fast path).
public class MonitorChurn {
    private int value;
    private final int[] payload = new int[64];

    synchronized int bump(int by) {
        value += by;
        return value + payload.length;
    }

    public static void main(String[] args) {
        long total = 0;
        for (int i = 0; i < 3_000_000; i++) {
            MonitorChurn o = new MonitorChurn();
            total += o.hashCode() != 0 ? 1 : 0;
            synchronized (o) {
                total += o.bump(i & 7);
            }
        }
        MonitorChurn thin = new MonitorChurn();
        for (int i = 0; i < 1000; i++) {
            total += thin.bump(1);
        }
        System.out.println("total: " + total);
    }
}
