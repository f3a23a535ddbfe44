package nestp;

/** Every kind of nested class, sealed hierarchies and a private member for nestmate access. */
public class Outer {
    public static class Nested {
        /** Private access to the host through reflection: allowed between nestmates. */
        public static int peek(Outer o) throws Exception {
            return Outer.class.getDeclaredField("secret").getInt(o);
        }
    }

    public class Inner {
        public class Deeper {}
    }

    interface Iface {}

    protected enum Color { RED, GREEN { @Override public String toString() { return "g"; } } }

    public record Rec(int a) {}

    public sealed interface Shape permits Circle, Square, Poly {}

    public record Circle(double r) implements Shape {}

    public static final class Square implements Shape {}

    public static non-sealed class Poly implements Shape {}

    public abstract static sealed class Base permits Leaf, Gone {}

    public static final class Leaf extends Base {}

    public static final class Gone extends Base {}

    private int secret = 42;

    private static Class<?> localClass;
    private static Class<?> inLocalClass;
    private static Object anonymous = new Object() {};
    private final Object anonymousInCtor;

    public Outer() {
        anonymousInCtor = new Runnable() { public void run() {} };
    }

    static {
        class Local {
            class InLocal {}
        }
        localClass = Local.class;
        inLocalClass = Local.InLocal.class;
    }

    public static Class<?> localInMethod() {
        class InMethod {}
        return InMethod.class;
    }

    public static Class<?>[] all() {
        return new Class<?>[] {Outer.class, Nested.class, Inner.class, Inner.Deeper.class, Iface.class, Color.class,
            Color.GREEN.getClass(), Rec.class, Shape.class, Circle.class, Square.class, Poly.class, Base.class, Leaf.class,
            localClass, inLocalClass, localInMethod(), anonymous.getClass(), new Outer().anonymousInCtor.getClass(),
            Stranger.class, Nested[].class};
    }
}
