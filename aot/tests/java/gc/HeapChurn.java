// Allocates far more than the heap limit (the test runs it with -Xmx32m) while keeping a
// bounded live set: a ring of 10,000 small trees plus churn of strings and arrays of every
// element type. Prints checksums that depend on every live object surviving intact.
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class HeapChurn {
    static final class Node {
        Node left, right;
        int value;
        Node(Node l, Node r, int v) { left = l; right = r; value = v; }
    }

    static Node tree(int depth, int seed) {
        return depth == 0 ? new Node(null, null, seed) : new Node(tree(depth - 1, seed * 3 + 1), tree(depth - 1, seed * 5 + 2), seed);
    }

    static long sum(Node n) {
        return n == null ? 0 : n.value + sum(n.left) + sum(n.right);
    }

    public static void main(String[] args) {
        Node[] ring = new Node[10_000];
        Map<Integer, String> names = new HashMap<>();
        long checksum = 0;
        for (int i = 0; i < 400_000; i++) {
            ring[i % ring.length] = tree(3, i);
            String s = "s" + i + ":" + (i * 7 % 13);
            if (i % 97 == 0) names.put(i % 5000, s);
            int[] ints = new int[i % 64];
            long[] longs = new long[i % 16];
            double[] ds = new double[i % 8];
            Object[] objs = new Object[i % 32];
            for (int j = 0; j < objs.length; j++) objs[j] = ints;
            checksum += s.length() + ints.length + longs.length + ds.length + objs.length;
            if (i % 50_000 == 0) {
                long live = 0;
                for (Node n : ring) live += n == null ? 0 : sum(n);
                System.out.println("round " + i + " live " + live + " names " + names.size());
            }
        }
        byte[][] big = new byte[8][];
        for (int i = 0; i < 200; i++) {
            big[i % big.length] = new byte[1 << 20];
            big[i % big.length][i] = (byte) i;
        }
        long live = 0;
        for (Node n : ring) live += sum(n);
        List<String> sorted = new ArrayList<>(names.values());
        sorted.sort(null);
        System.out.println("checksum " + checksum + " live " + live + " first " + sorted.get(0) + " last " + sorted.get(sorted.size() - 1));
        System.out.println("big " + big[7][199] + " " + big[0][192]);
    }
}
