// Dynamic proxies: every primitive and reference parameter/return kind, Object methods,
// names and modifiers of proxy classes, getProxyClass, handlers, interface lists built in a
// helper (non-constant elements), duplicate methods across interfaces (covariant returns,
// intersected checked exceptions), default methods through invokeDefault.
import java.io.FileNotFoundException;
import java.io.IOException;
import java.lang.reflect.*;
import java.util.*;

public class ProxyBasics {
    static final ClassLoader L = ProxyBasics.class.getClassLoader();
    public interface Prims {
        boolean z(boolean v);
        byte b(byte v);
        char c(char v);
        short s(short v);
        int i(int v);
        long j(long v);
        float f(float v);
        double d(double v);
        void v(int a, long b, double c, String d);
        String str(String a, Object b);
        int[] arr(int[] a);
        long mixed(int a, long b, float c, double d, byte e, char f, short g, boolean h, String i);
    }

    interface Hidden { String secret(); }

    public interface Source { Object get() throws IOException; }
    public interface NarrowSource { String get() throws FileNotFoundException; }
    public interface Other { Object get() throws FileNotFoundException, InterruptedException; }

    public interface Greeter {
        String name();
        default String greet(String greeting, int times) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < times; k++) sb.append(greeting).append(' ');
            return sb.append(name()).toString();
        }
        default void fail() throws IOException { throw new IOException("from default"); }
    }

    public interface WithEquals { boolean equals(Object o); String toString(); int size(); }

    static Object echo(Object proxy, Method m, Object[] args) {
        if (m.getName().equals("v")) {
            System.out.println("v" + Arrays.toString(args));
            return null;
        }
        if (m.getName().equals("mixed")) {
            long sum = 0;
            for (Object a : args) sum += a.hashCode();
            return sum;
        }
        if (m.getDeclaringClass() == Object.class) {
            switch (m.getName()) {
                case "toString": return "EchoProxy";
                case "hashCode": return 42;
                default: return proxy == args[0];
            }
        }
        return args[0];
    }

    @SuppressWarnings("unchecked")
    static <T> T make(Class<T> iface, InvocationHandler h) {
        return (T) Proxy.newProxyInstance(ProxyBasics.class.getClassLoader(), new Class<?>[] {iface}, h);
    }

    public static void main(String[] args) throws Exception {
        Prims p = (Prims) Proxy.newProxyInstance(ProxyBasics.class.getClassLoader(), new Class<?>[] {Prims.class}, ProxyBasics::echo);
        System.out.println(p.z(true) + " " + p.b((byte) -7) + " " + p.c('x') + " " + p.s((short) 300) + " " + p.i(-5)
                + " " + p.j(1L << 40) + " " + p.f(1.5f) + " " + p.d(-2.25) + " " + p.str("s", null));
        p.v(1, 2L, 3.0, "four");
        System.out.println(Arrays.toString(p.arr(new int[] {1, 2})) + " " + p.mixed(1, 2L, 3f, 4.0, (byte) 5, 'c', (short) 7, true, "nine"));
        System.out.println(p + " " + p.hashCode() + " " + p.equals(p) + " " + p.equals("other"));

        Class<?> pc = p.getClass();
        System.out.println(pc.getName() + " | " + pc.getSimpleName() + " | " + pc.getPackageName() + " | "
                + Modifier.toString(pc.getModifiers()) + " | " + Proxy.isProxyClass(pc) + " " + Proxy.isProxyClass(String.class)
                + " | " + pc.getSuperclass().getName() + " | " + Arrays.toString(pc.getInterfaces()));
        Class<?> again = Proxy.newProxyInstance(L, new Class<?>[] {Prims.class}, ProxyBasics::echo).getClass();
        @SuppressWarnings("deprecation") Class<?> viaGet = Proxy.getProxyClass(L, Prims.class);
        System.out.println("same class: " + (again == pc) + " " + (viaGet == pc));

        Hidden hidden = make(Hidden.class, (proxy, m, a) -> "psst");
        System.out.println(hidden.secret() + " " + Modifier.toString(hidden.getClass().getModifiers()) + " " + hidden.getClass().getName().startsWith("$Proxy"));

        try {
            Proxy.getInvocationHandler("not a proxy");
        } catch (IllegalArgumentException e) {
            System.out.println("getInvocationHandler: " + e.getMessage());
        }
        try {
            Proxy.newProxyInstance(L, new Class<?>[] {Prims.class, Prims.class}, ProxyBasics::echo);
        } catch (IllegalArgumentException e) {
            System.out.println("repeated: " + e.getMessage());
        }
        try {
            Proxy.newProxyInstance(L, new Class<?>[] {Prims.class}, null);
        } catch (NullPointerException e) {
            System.out.println("null handler: NullPointerException");
        }

        // Duplicate get() across interfaces: most specific return type, exceptions intersected.
        List<String> seen = new ArrayList<>();
        Object both = Proxy.newProxyInstance(L, new Class<?>[] {Source.class, NarrowSource.class}, (proxy, m, a) -> {
            seen.add(m.getDeclaringClass().getSimpleName() + "." + m.getName() + ":" + m.getReturnType().getSimpleName());
            if (seen.size() == 1) return "value";
            if (seen.size() == 2) throw new FileNotFoundException("narrow");
            throw new IOException("broad");
        });
        System.out.println(((NarrowSource) both).get() + " " + seen);
        try {
            ((NarrowSource) both).get();
        } catch (FileNotFoundException e) {
            System.out.println("passes: " + e);
        }
        try {
            ((NarrowSource) both).get();
        } catch (UndeclaredThrowableException e) {
            System.out.println("wrapped: " + e.getUndeclaredThrowable());
        }
        try {
            ((Source) both).get();
        } catch (IOException e) {
            System.out.println("other return type, own method: " + e + " " + seen.get(seen.size() - 1));
        }
        // Same return type: one method, checked exceptions intersected.
        Object merged = Proxy.newProxyInstance(L, new Class<?>[] {Source.class, Other.class}, (proxy, m, a) -> {
            throw new IOException("merged " + m.getDeclaringClass().getSimpleName());
        });
        try {
            ((Other) merged).get();
        } catch (UndeclaredThrowableException e) {
            System.out.println("intersection wraps: " + e.getUndeclaredThrowable());
        }

        Greeter g = make(Greeter.class, (proxy, m, a) -> {
            if (m.getName().equals("name")) return "world";
            return InvocationHandler.invokeDefault(proxy, m, a);
        });
        System.out.println(g.greet("hi", 2));
        try {
            g.fail();
        } catch (IOException e) {
            System.out.println("default threw: " + e.getMessage());
        }
        Greeter bad = make(Greeter.class, (proxy, m, a) -> InvocationHandler.invokeDefault(proxy, m, a));
        try {
            bad.name();
        } catch (IllegalArgumentException e) {
            System.out.println("abstract via invokeDefault: " + e.getMessage());
        }

        WithEquals we = make(WithEquals.class, (proxy, m, a) -> {
            System.out.println("handler got " + m.getDeclaringClass().getName() + "." + m.getName());
            return m.getName().equals("size") ? 3 : m.getName().equals("equals") ? Boolean.TRUE : "we";
        });
        System.out.println(we.equals(null) + " " + we + " " + we.size());

        Comparator<String> cmp = make(Comparator.class, (proxy, m, a) -> m.getName().equals("compare")
                ? ((String) a[0]).length() - ((String) a[1]).length() : InvocationHandler.invokeDefault(proxy, m, a));
        List<String> words = new ArrayList<>(List.of("ccc", "a", "bb"));
        words.sort(cmp.reversed());
        System.out.println(words);

        Runnable r = make(Runnable.class, (proxy, m, a) -> { System.out.println("ran " + m); return null; });
        r.run();
        Object nullReturn = make(Prims.class, (proxy, m, a) -> null);
        try {
            ((Prims) nullReturn).d(1);
        } catch (NullPointerException e) {
            System.out.println("null for double: NullPointerException");
        }
        System.out.println(((Prims) nullReturn).str("x", "y") + " " + ((Prims) nullReturn).arr(null));
    }
}
