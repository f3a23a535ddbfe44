// A live set that outgrows the heap limit (the test runs it with -Xmx24m): the allocation
// that does not fit throws OutOfMemoryError("Java heap space"), which is caught; after
// dropping the live set the program allocates normally again. Then an uncaught one.
import java.util.ArrayList;
import java.util.List;

public class OutOfMemory {
    public static void main(String[] args) {
        List<long[]> hoard = new ArrayList<>();
        try {
            while (true) hoard.add(new long[16 * 1024]);
        } catch (OutOfMemoryError e) {
            int n = hoard.size();
            hoard = null;
            System.out.println("caught " + e.getClass().getName() + ": " + e.getMessage());
            System.out.println("hoarded more than 8 MiB: " + (n * 128L * 1024 > (8L << 20)));
        }
        try {
            int[] huge = new int[Integer.MAX_VALUE / 2];
            System.out.println("unexpected " + huge.length);
        } catch (OutOfMemoryError e) {
            System.out.println("caught huge array: " + e.getMessage());
        }
        long sum = 0;
        for (int i = 0; i < 100_000; i++) sum += new int[100].length;
        System.out.println("allocating again: " + sum);
        List<Object[]> again = new ArrayList<>();
        while (true) again.add(new Object[100_000]);
    }
}
