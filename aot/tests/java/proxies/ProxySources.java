// Where interface lists come from: a static array, a helper taking the interfaces as
// parameters, varargs getProxyClass, lists of JDK interfaces, a proxy class reused across
// call sites, and the numbering of proxy classes in the order they are first requested
// (annotation instances included).
import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;
import java.util.function.*;

public class ProxySources {
    static final ClassLoader L = ProxySources.class.getClassLoader();
    public interface A { String a(); }
    public interface B { String b(); }
    interface Local { int local(); }

    static final Class<?>[] BOTH = {A.class, B.class};

    @Retention(RetentionPolicy.RUNTIME) @interface Marker { int value(); }

    @Marker(7) static class Marked {}

    static final InvocationHandler NAMES = (proxy, m, args) -> {
        if (m.getName().equals("toString")) return "proxy";
        if (m.getReturnType() == int.class) return 5;
        if (m.getReturnType() == boolean.class) return true;
        return m.getDeclaringClass().getSimpleName() + "." + m.getName();
    };

    static Object pair(Class<?> first, Class<?> second) {
        return Proxy.newProxyInstance(L, new Class<?>[] {first, second}, NAMES);
    }

    static String describe(Object p) {
        Class<?> c = p.getClass();
        return c.getName() + " " + Arrays.toString(c.getInterfaces()) + " public=" + Modifier.isPublic(c.getModifiers());
    }

    public static void main(String[] args) {
        Object both = Proxy.newProxyInstance(L, BOTH, NAMES);
        System.out.println(((A) both).a() + " " + ((B) both).b() + " | " + describe(both));
        Object reversed = pair(B.class, A.class);
        System.out.println(((A) reversed).a() + " | " + describe(reversed));
        Object again = pair(A.class, B.class);
        System.out.println("same class as static list: " + (again.getClass() == both.getClass()));
        Marker m = Marked.class.getAnnotation(Marker.class);
        System.out.println(m.value() + " " + m.getClass().getName().startsWith("$Proxy"));
        @SuppressWarnings("deprecation") Class<?> local = Proxy.getProxyClass(L, Local.class);
        System.out.println(local.getName() + " " + Modifier.toString(local.getModifiers()));
        Object fn = pair(Supplier.class, BooleanSupplier.class);
        System.out.println(((Supplier<?>) fn).get() + " " + ((BooleanSupplier) fn).getAsBoolean() + " | " + describe(fn));
        Object withLocal = pair(Local.class, A.class);
        System.out.println(((Local) withLocal).local() + " " + withLocal + " | " + describe(withLocal));
        Runnable thrower = (Runnable) Proxy.newProxyInstance(L, new Class<?>[] {Runnable.class}, (proxy, method, a) -> {
            throw new IllegalStateException("through a proxy");
        });
        try {
            thrower.run();
        } catch (IllegalStateException e) {
            for (StackTraceElement s : e.getStackTrace()) System.out.println("  at " + s);
        }
        Local hiddenThrower = (Local) Proxy.newProxyInstance(L, new Class<?>[] {Local.class}, (proxy, method, a) -> {
            throw new IllegalStateException("through a package-private proxy");
        });
        try {
            hiddenThrower.local();
        } catch (IllegalStateException e) {
            System.out.println("  at " + e.getStackTrace()[1] + " " + e.getStackTrace()[1].getModuleName());
        }
        try {
            pair(A.class, A.class);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        try {
            pair(A.class, String.class);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
