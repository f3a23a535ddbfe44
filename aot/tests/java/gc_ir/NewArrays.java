// Input of aot/tests/gc.rs's machine-code test: one method per array allocation bytecode.
public class NewArrays {
    static int[] ints(int n) { return new int[n]; }
    static String[] strings(int n) { return new String[n]; }
    static long[][] grid(int a, int b) { return new long[a][b]; }
    public static void main(String[] args) {
        System.out.println(ints(3).length + strings(2).length + grid(2, 2).length);
    }
}
