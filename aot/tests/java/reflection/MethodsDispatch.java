import java.lang.reflect.*;
import java.util.*;

/** Method reflection beyond the acceptance program: dispatch, conversions, messages, strings. */
public class MethodsDispatch {
    interface Shape { double area(); default String label() { return "shape " + area(); } }
    interface Named { default String label() { return "named"; } String name(); }
    static abstract class Base implements Shape {
        abstract int sides();
        public String describe(int scale, double factor, String tag) { return tag + ":" + sides() * scale + ":" + area() * factor; }
        protected static String kind() { return "base-kind"; }
    }
    static class Square extends Base implements Named {
        final double s;
        Square(double s) { this.s = s; }
        public double area() { return s * s; }
        int sides() { return 4; }
        public String label() { return "square/" + Named.super.label(); }
        public String name() { return "sq"; }
    }
    static class Lazy {
        static { System.out.println("  [Lazy initialized]"); }
        public static int answer() { return 42; }
    }
    public static class Prims {
        public boolean z(boolean b) { return !b; }
        public byte b(byte b) { return (byte) (b + 1); }
        public char c(char c) { return (char) (c + 1); }
        public short s(short s) { return (short) (s * 2); }
        public int i(int a, long b, float c, double d) { return (int) (a + b + c + d); }
        public long j(long a) { return a << 33; }
        public float f(float a, float b) { return a / b; }
        public double d(double a, int b, float c) { return a * b + c; }
        public void v() { System.out.println("  void called"); }
        public static String mix(int a, double b, long c, float d, String e) { return a + "|" + b + "|" + c + "|" + d + "|" + e; }
        public <T extends Comparable<T>> List<T> generic(Map<String, ? super T> m, T[] xs) throws IllegalStateException, java.io.IOException { return null; }
        private String hidden() { return "hidden"; }
        public void boom(int kind) {
            if (kind == 0) throw new IllegalStateException("state");
            if (kind == 1) throw new StackOverflowError("deep");
        }
    }

    static String msg(Throwable t) { return t.getClass().getName() + ": " + t.getMessage(); }

    public static void main(String[] args) throws Exception {
        Method area = Shape.class.getMethod("area");
        Method label = Shape.class.getMethod("label");
        Method sides = Base.class.getDeclaredMethod("sides");
        Method describe = Base.class.getMethod("describe", int.class, double.class, String.class);
        Square sq = new Square(3);
        System.out.println("area " + area.invoke(sq) + " label " + label.invoke(sq) + " sides " + sides.invoke(sq) + " describe " + describe.invoke(sq, 2, 0.5, "t"));
        System.out.println("kind via subclass lookup: " + Base.class.getDeclaredMethod("kind").invoke(null));
        System.out.println("before Lazy.answer");
        Method answer = Lazy.class.getMethod("answer");
        System.out.println("looked up");
        System.out.println("answer " + answer.invoke(null));

        Prims p = new Prims();
        Class<Prims> pc = Prims.class;
        System.out.println("z " + pc.getMethod("z", boolean.class).invoke(p, true) + " b " + pc.getMethod("b", byte.class).invoke(p, (byte) 127)
                + " c " + pc.getMethod("c", char.class).invoke(p, 'y') + " s " + pc.getMethod("s", short.class).invoke(p, (short) 300));
        System.out.println("i " + pc.getMethod("i", int.class, long.class, float.class, double.class).invoke(p, 1, 2, 'a', 1.5f));
        System.out.println("j " + pc.getMethod("j", long.class).invoke(p, 3) + " f " + pc.getMethod("f", float.class, float.class).invoke(p, 1, 3f)
                + " d " + pc.getMethod("d", double.class, int.class, float.class).invoke(p, 0.25, (short) 3, 0.5f));
        System.out.println("v " + pc.getMethod("v").invoke(p));
        System.out.println("mix " + pc.getMethod("mix", int.class, double.class, long.class, float.class, String.class).invoke(null, 'A', 2, (byte) 3, 4L, "e"));

        Method z = pc.getMethod("z", boolean.class);
        Object[][] bad = {{}, {1}, {null}, {true, false}};
        for (Object[] a : bad) {
            try { z.invoke(p, a); } catch (IllegalArgumentException e) { System.out.println("bad " + Arrays.toString(a) + ": " + msg(e)); }
        }
        try { z.invoke("not prims", true); } catch (IllegalArgumentException e) { System.out.println("wrong receiver: " + msg(e)); }
        try { z.invoke(null, true); } catch (NullPointerException e) { System.out.println("null receiver: NullPointerException"); }
        try { pc.getMethod("j", long.class).invoke(p, 1.5); } catch (IllegalArgumentException e) { System.out.println("double to long: " + msg(e)); }
        Method boom = pc.getMethod("boom", int.class);
        for (int k = 0; k < 2; k++) {
            try { boom.invoke(p, k); } catch (InvocationTargetException e) { System.out.println("boom " + k + ": " + msg(e.getCause()) + " ite message " + e.getMessage()); }
        }
        Method hidden = pc.getDeclaredMethod("hidden");
        try { hidden.invoke(p); System.out.println("hidden (nestmate) " + hidden.invoke(p)); } catch (IllegalAccessException e) { System.out.println(msg(e)); }

        Method generic = null;
        for (Method m : pc.getDeclaredMethods()) if (m.getName().equals("generic")) generic = m;
        System.out.println("toString: " + generic);
        System.out.println("toGenericString: " + generic.toGenericString());
        System.out.println("generic return " + generic.getGenericReturnType() + " params " + Arrays.toString(generic.getGenericParameterTypes())
                + " exceptions " + Arrays.toString(generic.getExceptionTypes()) + " type params " + Arrays.toString(generic.getTypeParameters()));
        System.out.println("describe toString: " + describe + " count " + describe.getParameterCount());
        System.out.println("equal lookups: " + area.equals(Shape.class.getMethod("area")) + " hash equal: " + (area.hashCode() == Shape.class.getMethod("area").hashCode())
                + " same object: " + (area == Shape.class.getMethod("area")));

        List<String> pub = new ArrayList<>();
        for (Method m : Square.class.getMethods()) if (m.getDeclaringClass() != Object.class) pub.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + m.getParameterCount());
        Collections.sort(pub);
        System.out.println("public methods of Square: " + pub);
        List<String> iface = new ArrayList<>();
        for (Method m : Named.class.getMethods()) iface.add(m.getName() + " default=" + m.isDefault() + " abstract=" + Modifier.isAbstract(m.getModifiers()));
        Collections.sort(iface);
        System.out.println("methods of Named: " + iface);
        List<String> objs = new ArrayList<>();
        for (Method m : Object.class.getMethods()) objs.add(m.getName() + m.getParameterCount());
        Collections.sort(objs);
        System.out.println("Object's public methods: " + objs);
        try { Square.class.getMethod("kind"); } catch (NoSuchMethodException e) { System.out.println("protected static not public: " + e.getMessage()); }
        try { Base.class.getDeclaredMethod("describe", int.class); } catch (NoSuchMethodException e) { System.out.println(e.getMessage()); }
        System.out.println("String.length via reflection: " + String.class.getMethod("length").invoke("hello")
                + " List.size: " + List.class.getMethod("size").invoke(List.of(1, 2, 3)));
    }
}
