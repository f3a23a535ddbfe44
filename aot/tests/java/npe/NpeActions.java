// Helpful NullPointerException messages (JEP 358) for every failed action and cause kind,
// compiled without -g: locals print as <localN>, parameters as <parameterN>.
import java.util.List;
import java.util.function.Function;

public class NpeActions {
    static class Node {
        Node next;
        int value;
        long big;
        int[] data;
        Node[] kids;
        String name;
        Node(int v) { value = v; }
        int value() { return value; }
        private int secret() { return value; }
    }

    enum Color { RED, GREEN }

    interface Step { void run() throws Exception; }

    static Node staticNode;
    static java.lang.invoke.VarHandle noHandle;
    static int[][] grid;
    Node head;

    static void show(String label, Step s) {
        try {
            s.run();
            System.out.println(label + ": no exception");
        } catch (NullPointerException e) {
            System.out.println(label + ": " + e.getMessage());
        } catch (Exception e) {
            System.out.println(label + ": unexpected " + e);
        }
    }

    static String nothing() { return null; }
    static int idx() { return 1; }
    static Object id(Object o, String s, StringBuilder sb, int[] a, java.lang.String t) { return null; }
    static Node[] noNodes() { return null; }
    static Node chain(int n) { Node h = null; for (int i = 0; i < n; i++) { Node x = new Node(i); x.next = h; h = x; } return h; }

    // Array loads and stores of every element kind.
    static void arrays() {
        int[] ia = null; long[] la = null; float[] fa = null; double[] da = null;
        byte[] ba = null; boolean[] za = null; char[] ca = null; short[] sa = null;
        String[] oa = null;
        show("iaload", () -> System.out.println(ia[0]));
        show("laload", () -> System.out.println(la[0]));
        show("faload", () -> System.out.println(fa[0]));
        show("daload", () -> System.out.println(da[0]));
        show("baload", () -> System.out.println(ba[0]));
        show("baload boolean", () -> System.out.println(za[0]));
        show("caload", () -> System.out.println(ca[0]));
        show("saload", () -> System.out.println(sa[0]));
        show("aaload", () -> System.out.println(oa[0]));
        show("iastore", () -> ia[0] = 1);
        show("lastore", () -> la[0] = 1L);
        show("fastore", () -> fa[0] = 1f);
        show("dastore", () -> da[0] = 1d);
        show("bastore", () -> ba[0] = 1);
        show("bastore boolean", () -> za[0] = true);
        show("castore", () -> ca[0] = 'c');
        show("sastore", () -> sa[0] = 1);
        show("aastore", () -> oa[0] = "x");
        show("arraylength", () -> System.out.println(oa.length));
    }

    // Causes: constants and array elements as indices.
    static void indices() {
        int[][] g = new int[2000][];
        Node[] nodes = new Node[3];
        int i = 2;
        show("iconst index", () -> System.out.println(g[1][0]));
        show("bipush index", () -> System.out.println(g[100][0]));
        show("sipush index", () -> System.out.println(g[1000][0]));
        show("local index", () -> System.out.println(g[i][0]));
        show("computed index", () -> System.out.println(g[i + 1][0]));
        show("call index", () -> System.out.println(g[idx()][0]));
        show("element field", () -> System.out.println(nodes[2].value));
        show("static grid", () -> System.out.println(grid[1][2]));
        show("call array", () -> System.out.println(noNodes()[0]));
        show("nested elements", () -> { int[][][] c = new int[2][2][]; System.out.println(c[1][i - 1][0]); });
    }

    // Invocations: virtual, interface, private, unboxing, switch on null.
    static void invokes(Node n, Runnable r, List<String> list, Integer boxed, String s, Color c) {
        show("invokevirtual", () -> System.out.println(n.next.value()));
        show("invokeinterface", () -> r.run());
        show("generic interface", () -> System.out.println(list.size()));
        show("private method", () -> System.out.println(((Node) null).secret()));
        show("unboxing", () -> { int x = boxed; System.out.println(x); });
        show("string switch", () -> { switch (s) { case "a": System.out.println("a"); break; default: System.out.println("d"); } });
        show("enum switch", () -> { switch (c) { case RED: System.out.println("r"); break; default: System.out.println("g"); } });
        show("trimmed parameters", () -> System.out.println(id(null, null, null, null, null).hashCode()));
        show("return value field", () -> System.out.println(noNodes().length));
        show("string on null", () -> System.out.println(nothing().trim()));
        show("array clone", () -> { int[] a = null; System.out.println(a.clone().length); });
    }

    // Fields: reads, writes, long values, depth limit, ternaries, checkcast.
    static void fields(boolean flag, long pad, Node n, Object o) {
        show("getstatic cause", () -> System.out.println(staticNode.next));
        show("putfield long", () -> n.next.big = 5L);
        Node deep = chain(6);
        show("depth limit", () -> System.out.println(deep.next.next.next.next.next.next.value));
        show("ternary merge", () -> System.out.println((flag ? n.next : n.next.next).value));
        show("checkcast", () -> System.out.println(((Node) o).value));
        show("long parameter before", () -> System.out.println(pad + n.next.value));
    }

    // Locals written in a loop, in a try block and by enhanced for.
    static int loop(Node n) {
        int sum = 0;
        while (true) {
            sum += n.value;
            n = n.next;
        }
    }

    static void handler(Node n) {
        try {
            n = null;
            throw new IllegalStateException();
        } catch (IllegalStateException e) {
            System.out.println("handler: " + n.value);
        }
    }

    static void enhancedFor(int[] arr, List<String> list) {
        for (int x : arr) System.out.println(x);
    }

    static void locals(Node start) {
        show("loop", () -> loop(new Node(1)));
        show("loop start", () -> loop(start));
        show("handler", () -> handler(new Node(2)));
        show("enhanced for", () -> enhancedFor(null, null));
        show("local reassigned", () -> { Node m = new Node(1); m = m.next; System.out.println(m.value); });
    }

    void instance() {
        show("this field", () -> System.out.println(head.value));
        show("this field write", () -> head.value = 5);
        show("synchronized", () -> { synchronized (head) { System.out.println("in"); } });
        show("throw null field", () -> { throw (RuntimeException) (Object) head; });
    }

    public static void main(String[] args) throws Exception {
        arrays();
        indices();
        invokes(new Node(1), null, null, null, null, null);
        fields(true, 7L, new Node(1), null);
        locals(null);
        new NpeActions().instance();
        show("throw null", () -> { throw null; });
        show("explicit", () -> { throw new NullPointerException(); });
        show("explicit message", () -> { throw new NullPointerException("mine"); });
        show("requireNonNull", () -> java.util.Objects.requireNonNull(null));
        show("bound method ref", () -> { String s = null; Runnable r = s::length; r.run(); });
        show("null VarHandle", () -> noHandle.set(new Node(1), 2));
        show("method ref proxy", () -> { Function<String, Integer> f = String::length; f.apply(null); });
        show("jdk char array", () -> System.out.println(new String((char[]) null)));
        show("jdk string concat", () -> System.out.println("x".concat(null)));
        show("arraycopy", () -> System.arraycopy(null, 0, new int[1], 0, 1));
        NullPointerException fresh = new NullPointerException();
        System.out.println("fresh: " + fresh.getMessage());
    }
}
