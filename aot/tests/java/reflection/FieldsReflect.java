import java.lang.reflect.*;
import java.util.*;

/** Field reflection beyond the acceptance program: declaration order, messages, widening, statics. */
public class FieldsReflect {
    static class Holder {
        static { System.out.println("  [Holder initialized]"); }
        public static int counter = 5;
        public static final long LIMIT = 99;
    }
    public static class Mixed<T> {
        public byte b = 1;
        public short s = 2;
        public char c = 'c';
        public int i = 4;
        public long l = 5;
        public float f = 6.5f;
        public double d = 7.25;
        public boolean z = true;
        public String str = "s";
        public final int fin = 8;
        private Object obj = List.of();
        public T generic;
        public Map<String, List<T>> nested;
        public static int[][] grid = new int[2][2];
    }

    static String msg(Throwable t) { return t.getClass().getName() + ": " + t.getMessage(); }

    interface Op { void run() throws Exception; }
    static void t(String what, Op op) {
        try { op.run(); System.out.println(what + ": ok"); } catch (Exception e) { System.out.println(what + ": " + msg(e)); }
    }

    public static void main(String[] args) throws Exception {
        List<String> order = new ArrayList<>();
        for (Field f : Mixed.class.getDeclaredFields()) order.add(f.getName());
        System.out.println("declaration order: " + order);
        Mixed<String> m = new Mixed<>();
        Class<?> mc = Mixed.class;
        for (Field f : mc.getDeclaredFields()) {
            System.out.println(f + " | " + f.toGenericString() + " | generic " + f.getGenericType().getTypeName());
        }
        System.out.println("getDouble of each numeric:");
        for (String n : new String[]{"b", "s", "c", "i", "l", "f", "d"}) System.out.print(" " + mc.getField(n).getDouble(m));
        System.out.println();
        t("getLong on float", () -> mc.getField("f").getLong(m));
        t("getInt on char", () -> System.out.print(mc.getField("c").getInt(m) + " "));
        t("getChar on byte", () -> mc.getField("b").getChar(m));
        t("getBoolean on int", () -> mc.getField("i").getBoolean(m));
        t("setByte on short", () -> { mc.getField("s").setByte(m, (byte) -3); System.out.print(m.s + " "); });
        t("setLong on int", () -> mc.getField("i").setLong(m, 1L));
        t("setDouble on float", () -> mc.getField("f").setDouble(m, 1.0));
        t("set Integer on long", () -> { mc.getField("l").set(m, 12); System.out.print(m.l + " "); });
        t("set null on int", () -> mc.getField("i").set(m, null));
        t("set String on int", () -> mc.getField("i").set(m, "x"));
        t("set Integer on String", () -> mc.getField("str").set(m, 3));
        t("setInt on String", () -> mc.getField("str").setInt(m, 3));
        t("getInt on String", () -> mc.getField("str").getInt(m));
        t("set final", () -> mc.getField("fin").set(m, 9));
        t("setInt final", () -> mc.getField("fin").setInt(m, 9));
        t("get private", () -> { Field f = mc.getDeclaredField("obj"); System.out.print(f.get(m) + " "); });
        t("wrong object", () -> mc.getField("i").get(new Object()));
        t("null object", () -> mc.getField("i").get(null));
        t("no such", () -> mc.getField("obj"));
        t("static grid", () -> { Object g = mc.getField("grid").get(null); System.out.print(Arrays.deepToString((int[][]) g) + " "); });
        System.out.println("before Holder field lookup");
        Field counter = Holder.class.getField("counter");
        System.out.println("looked up counter");
        System.out.println("counter " + counter.getInt(null));
        counter.set(null, (short) 11);
        System.out.println("counter after set " + Holder.counter);
        Field limit = Holder.class.getField("LIMIT");
        t("set static final", () -> limit.setLong(null, 1));
        limit.setAccessible(true);
        t("set static final accessible", () -> limit.set(null, 2L));
        System.out.println("LIMIT " + limit.getLong(null) + " modifiers " + Modifier.toString(limit.getModifiers()));
        Field fin = mc.getField("fin");
        fin.setAccessible(true);
        fin.setInt(m, 10);
        System.out.println("final instance after setAccessible: " + fin.getInt(m));
        System.out.println("equals " + mc.getField("i").equals(mc.getField("i")) + " declaring " + mc.getField("i").getDeclaringClass().getSimpleName());
    }
}
