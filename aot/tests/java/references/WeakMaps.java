// WeakHashMap (aot/tests/references.rs): an entry whose key is no longer strongly
// reachable disappears after a collection (the map expunges the entries whose weak
// references were enqueued); entries with reachable keys stay.
import java.util.Map;
import java.util.WeakHashMap;

public class WeakMaps {
    static final class Key {
        final int id;
        Key(int id) { this.id = id; }
        @Override public int hashCode() { return id; }
        @Override public boolean equals(Object o) { return o instanceof Key k && k.id == id; }
    }

    static Key[] kept = new Key[10];
    static Key[] all = new Key[100];

    static void fill(Map<Key, String> map) {
        for (int i = 0; i < 100; i++) {
            Key k = new Key(i);
            all[i] = k;
            if (i % 10 == 0) kept[i / 10] = k;
            map.put(k, "value" + i);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<Key, String> map = new WeakHashMap<>();
        fill(map);
        System.out.println("size before: " + map.size());
        all = null;
        int size = map.size();
        for (int i = 0; i < 50 && size != 10; i++) {
            System.gc();
            Thread.sleep(10);
            size = map.size();
        }
        System.out.println("size after gc: " + size);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            String v = map.get(new Key(i));
            if (v != null) sb.append(v).append(' ');
        }
        System.out.println("left: " + sb.toString().trim());
        System.out.println("kept keys still mapped: " + map.containsKey(kept[3]));
    }
}
