// Holds a live set of about 10 MB (a ring of 1 KB arrays, replaced continuously) while
// allocating garbage for the given number of seconds (default 60). Run under -Xmx32m its
// resident memory must stay flat; ci/gc-bench.sh samples it.
public class LiveSetChurn {
    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 60;
        byte[][] live = new byte[10 * 1024][];
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long allocated = 0, checksum = 0;
        int i = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 10_000; k++, i++) {
                byte[] b = new byte[1000];
                b[i % 1000] = (byte) i;
                live[i % live.length] = b;
                Object[] garbage = new Object[1 + i % 50];
                garbage[0] = b;
                allocated += 1016 + 16 + 8L * garbage.length;
                checksum += garbage.length;
            }
        }
        long liveBytes = 0;
        for (byte[] b : live) liveBytes += b == null ? 0 : b.length;
        System.out.println("allocated MiB " + (allocated >> 20) + " live bytes " + liveBytes + " checksum " + (checksum > 0));
    }
}
