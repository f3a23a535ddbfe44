// Helpful NullPointerException messages with a LocalVariableTable (compiled with -g): locals,
// parameters and captured variables print by name; javac's hidden temporaries do not.
import java.util.List;

public class NpeNames {
    static class Cell {
        Cell link;
        String label;
        int[] counts;
    }

    interface Step { void run() throws Exception; }

    Cell root;

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

    static int parameterNames(Cell first, long wide, Cell second) {
        return first.link.counts.length + (int) wide + second.counts[0];
    }

    static void slotReuse(boolean which) {
        if (which) {
            Cell a = new Cell();
            System.out.println(a.link.label);
        } else {
            Cell b = new Cell();
            System.out.println(b.link.counts[0]);
        }
    }

    static void catchVariable() {
        try {
            throw new IllegalStateException("x");
        } catch (IllegalStateException problem) {
            Cell none = null;
            System.out.println(problem.getMessage() + none.label);
        }
    }

    static void temporaries(int[] values, List<String> names) {
        for (int v : values) System.out.println(v);
    }

    static void iterate(List<String> names) {
        for (String n : names) System.out.println(n);
    }

    static void reassigned(Cell c) {
        c = c.link;
        System.out.println(c.label.length());
    }

    void instance(Cell other) {
        System.out.println(root.label + other.label);
    }

    public static void main(String[] args) {
        Cell full = new Cell();
        full.link = new Cell();
        show("parameter names", () -> parameterNames(full, 1L, new Cell()));
        show("second parameter", () -> parameterNames(new Cell() {{ link = new Cell(); link.counts = new int[1]; }}, 2L, null));
        show("slot reuse a", () -> slotReuse(true));
        show("slot reuse b", () -> slotReuse(false));
        show("catch variable", () -> catchVariable());
        show("array temporary", () -> temporaries(null, null));
        show("iterator", () -> iterate(null));
        show("reassigned parameter", () -> reassigned(full));
        show("this root", () -> new NpeNames().instance(null));
        Cell captured = null;
        show("captured", () -> System.out.println(captured.label));
        String text = null;
        show("captured string", () -> System.out.println(text.length()));
    }
}
