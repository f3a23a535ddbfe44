import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collections: HashMap counting, ArrayList sorting, TreeMap range queries, boxing. Size: n. */
public class Collections {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Map<Integer, Integer> counts = new HashMap<>();
        List<Integer> list = new ArrayList<>();
        TreeMap<Integer, String> tree = new TreeMap<>();
        int seed = 42;
        for (int i = 0; i < n; i++) {
            seed = seed * 1103515245 + 12345;
            int key = (seed >>> 8) % (n / 4 + 1);
            counts.merge(key, 1, Integer::sum);
            list.add(seed >>> 4);
            if ((i & 7) == 0) {
                tree.put(key, "v" + (i & 1023));
            }
        }
        list.sort(null);
        long sum = 0;
        for (int i = 0; i < list.size(); i += 97) {
            sum += list.get(i);
        }
        int maxCount = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            maxCount = Math.max(maxCount, e.getValue());
        }
        long rangeChars = 0;
        for (int q = 0; q < n / 10; q++) {
            Map.Entry<Integer, String> e = tree.ceilingEntry(q * 7 % (n / 4 + 1));
            if (e != null) {
                rangeChars += e.getValue().length();
            }
        }
        System.out.println("keys " + counts.size() + " max " + maxCount + " sum " + sum + " tree " + tree.size()
                + " range " + rangeChars);
    }
}
