/*
 * roast SDK replacement for java.lang.reflect.Proxy. HotSpot's Proxy generates a class with
 * ProxyGenerator and defines it at run time; a roast executable cannot define classes, so the
 * compiler synthesizes the proxy classes at build time (aot/src/proxies.rs lists which
 * interface lists get one; aot/src/desugar/proxy.rs gives them ProxyGenerator's shape) and
 * this class finds the prebuilt class whose interfaces are the requested list. A list without
 * a prebuilt class throws IllegalArgumentException naming the list, never a wrong class.
 *
 * Names: a prebuilt class gets HotSpot's name when it is first requested ("defined"), from
 * one counter in request order: jdk.proxy1.$Proxy<N> when every interface is public, else
 * <package of the non-public interfaces>.$Proxy<N>. The class loader argument is ignored
 * for prebuilt classes (compiled classes have a null loader).
 *
 * An interface list with an interface defined at run time (by a class loader) has no
 * prebuilt class: its proxy class is described here with ProxyGenerator's rules and
 * synthesized and defined in that loader (or the given one) by the runtime's interpreter
 * (runtime/src/interp/proxies.rs), with the same naming.
 */
package java.lang.reflect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public class Proxy implements java.io.Serializable {
    private static final long serialVersionUID = -2222568056686623797L;

    /** The invocation handler of this proxy instance. */
    @SuppressWarnings("serial")
    protected InvocationHandler h;

    private Proxy() {}

    protected Proxy(InvocationHandler h) {
        Objects.requireNonNull(h);
        this.h = h;
    }

    /* Prebuilt proxy classes (runtime/src/natives/proxy.rs). */
    private static native int proxyClassCount0();
    private static native Class<?> proxyClassAt0(int index);
    private static native void setClassName0(Class<?> c, String name);

    private static final Map<List<Class<?>>, Class<?>> DEFINED = new HashMap<>();
    private static int nextNumber;

    @Deprecated
    public static Class<?> getProxyClass(ClassLoader loader, Class<?>... interfaces) throws IllegalArgumentException {
        return proxyClass(loader, interfaces.clone());
    }

    public static Object newProxyInstance(ClassLoader loader, Class<?>[] interfaces, InvocationHandler h) {
        Objects.requireNonNull(h);
        Class<?> cl = proxyClass(loader, interfaces.clone());
        try {
            Constructor<?> cons = cl.getConstructor(InvocationHandler.class);
            cons.setAccessible(true);
            return cons.newInstance(h);
        } catch (IllegalAccessException | InstantiationException | NoSuchMethodException e) {
            throw new InternalError(e.toString(), e);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new InternalError(t.toString(), t);
        }
    }

    public static boolean isProxyClass(Class<?> cl) {
        if (!Proxy.class.isAssignableFrom(cl)) {
            return false;
        }
        synchronized (DEFINED) {
            return DEFINED.containsValue(cl);
        }
    }

    public static InvocationHandler getInvocationHandler(Object proxy) throws IllegalArgumentException {
        if (!isProxyClass(proxy.getClass())) {
            throw new IllegalArgumentException("not a proxy instance");
        }
        return ((Proxy) proxy).h;
    }

    /** ProxyBuilder's validation of the interface list (HotSpot's messages). */
    private static void validate(Class<?>[] interfaces) {
        if (interfaces.length > 65535) {
            throw new IllegalArgumentException("interface limit exceeded: " + interfaces.length);
        }
        Map<Class<?>, Boolean> seen = new IdentityHashMap<>();
        for (Class<?> intf : interfaces) {
            if (!intf.isInterface()) {
                throw new IllegalArgumentException(intf.getName() + " is not an interface");
            }
            if (intf.isHidden()) {
                throw new IllegalArgumentException(intf.getName() + " is a hidden interface");
            }
            if (intf.isSealed()) {
                throw new IllegalArgumentException(intf.getName() + " is a sealed interface");
            }
            if (seen.put(intf, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("repeated interface: " + intf.getName());
            }
        }
    }

    private static Class<?> proxyClass(ClassLoader loader, Class<?>[] interfaces) {
        for (Class<?> intf : interfaces) {
            Objects.requireNonNull(intf);
        }
        validate(interfaces);
        List<Class<?>> key = Arrays.asList(interfaces);
        synchronized (DEFINED) {
            Class<?> cl = DEFINED.get(key);
            if (cl != null) {
                return cl;
            }
            cl = prebuilt(interfaces);
            ClassLoader runTime = cl == null ? runTimeLoader(loader, interfaces) : null;
            if (runTime != null) {
                cl = defineProxy0(runTime, describe(interfaces));
                DEFINED.put(key, cl);
                return cl;
            }
            if (cl == null) {
                List<String> names = new ArrayList<>();
                for (Class<?> intf : interfaces) {
                    names.add(intf.getName());
                }
                throw new IllegalArgumentException("roast: no proxy class was generated for " + names
                        + "; roast builds proxy classes at build time for the Class[] arrays of class literals"
                        + " at Proxy.newProxyInstance/getProxyClass call sites (other elements stand for the"
                        + " interfaces the program names by class literals) and for annotation types");
            }
            String built = cl.getName();
            int dot = built.lastIndexOf('.');
            String pkg = dot < 0 ? "" : built.substring(0, dot + 1);
            setClassName0(cl, pkg + "$Proxy" + nextNumber++);
            DEFINED.put(key, cl);
            return cl;
        }
    }

    /**
     * The loader that defines a proxy class made at run time: when an interface was itself
     * defined at run time (no prebuilt proxy can implement it), the given loader, else that
     * interface's; null when every interface is compiled.
     */
    private static ClassLoader runTimeLoader(ClassLoader loader, Class<?>[] interfaces) {
        for (Class<?> intf : interfaces) {
            if (definedAtRunTime(intf)) {
                return loader != null ? loader : intf.getClassLoader();
            }
        }
        return null;
    }

    /**
     * Was the interface defined at run time (by a class loader, into the interpreter)? The
     * program's compiled classes have a loader too (the application loader), but they are
     * the classes the boot lookup finds by their name.
     */
    private static boolean definedAtRunTime(Class<?> intf) {
        if (intf.getClassLoader() == null) {
            return false;
        }
        try {
            return Class.forName(intf.getName(), false, null) != intf;
        } catch (ClassNotFoundException e) {
            return true;
        }
    }

    /**
     * The description runtime/src/interp/proxies.rs synthesizes a proxy class from, with
     * HotSpot's ProxyGenerator rules: the name ($ProxyN in the package of the non-public
     * interfaces, else in jdk.proxy1), then Object's hashCode, equals and toString, then the
     * public instance methods of each interface in order, duplicates (same name and parameter
     * types) merged into the first; per method its unique catch list.
     */
    private static String describe(Class<?>[] interfaces) {
        String pkg = "jdk/proxy1";
        boolean isPublic = true;
        StringBuilder names = new StringBuilder();
        for (Class<?> intf : interfaces) {
            String internal = intf.getName().replace('.', '/');
            if (!Modifier.isPublic(intf.getModifiers())) {
                isPublic = false;
                int slash = internal.lastIndexOf('/');
                pkg = slash < 0 ? "" : internal.substring(0, slash);
            }
            names.append(names.length() == 0 ? "" : ",").append(internal);
        }
        String name = (pkg.isEmpty() ? "" : pkg + "/") + "$Proxy" + nextNumber++;
        StringBuilder out = new StringBuilder(name).append(' ').append(isPublic).append(' ').append(names);
        Map<String, Boolean> seen = new HashMap<>();
        try {
            describeMethod(out, seen, Object.class.getMethod("hashCode"), null);
            describeMethod(out, seen, Object.class.getMethod("equals", Object.class), null);
            describeMethod(out, seen, Object.class.getMethod("toString"), null);
        } catch (NoSuchMethodException e) {
            throw new InternalError(e);
        }
        for (Class<?> intf : interfaces) {
            for (Method m : intf.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers())) {
                    describeMethod(out, seen, m, intf);
                }
            }
        }
        return out.toString();
    }

    private static void describeMethod(StringBuilder out, Map<String, Boolean> seen, Method m, Class<?> via) {
        StringBuilder params = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            params.append(p.descriptorString());
        }
        params.append(')');
        if (seen.put(m.getName() + params, Boolean.TRUE) != null) {
            return;
        }
        out.append('\n').append(m.getName()).append(' ').append(params)
                .append(m.getReturnType().descriptorString()).append(' ')
                .append(m.getDeclaringClass().getName().replace('.', '/')).append(' ')
                .append(via != null && m.isDefault() ? via.getName().replace('.', '/') : "-").append(' ');
        List<Class<?>> catches = new ArrayList<>();
        catches.add(Error.class);
        catches.add(RuntimeException.class);
        for (Class<?> ex : m.getExceptionTypes()) {
            if (ex == Throwable.class) {
                catches.clear();
                break;
            }
            boolean covered = false;
            for (Class<?> c : catches) {
                covered |= c.isAssignableFrom(ex);
            }
            if (!covered) {
                catches.removeIf(ex::isAssignableFrom);
                catches.add(ex);
            }
        }
        if (catches.isEmpty()) {
            out.append('-');
        }
        for (int i = 0; i < catches.size(); i++) {
            out.append(i == 0 ? "" : ",").append(catches.get(i).getName().replace('.', '/'));
        }
    }

    /** Synthesizes and defines a proxy class in {@code loader} (runtime/src/interp/proxies.rs). */
    private static native Class<?> defineProxy0(ClassLoader loader, String description);

    private static Class<?> prebuilt(Class<?>[] interfaces) {
        int n = proxyClassCount0();
        for (int i = 0; i < n; i++) {
            Class<?> c = proxyClassAt0(i);
            if (c != null && Arrays.equals(c.getInterfaces(), interfaces)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Calls default method {@code method} of {@code proxy}'s class non-virtually, for
     * InvocationHandler.invokeDefault; the prebuilt proxy classes override this with a test
     * per default method (aot/src/desugar/proxy.rs).
     */
    protected Object roastInvokeDefault(Method method, Object[] args) throws Throwable {
        throw new IllegalArgumentException("\"" + method + "\" is not a method declared in the proxy class");
    }

    static Object invokeDefault(Object proxy, Method method, Object[] args, Class<?> caller) throws Throwable {
        if (!isProxyClass(proxy.getClass())) {
            throw new IllegalArgumentException("'proxy' is not a proxy instance");
        }
        if (!method.isDefault()) {
            throw new IllegalArgumentException("\"" + method + "\" is not a default method");
        }
        Object[] params = args != null ? args : new Object[0];
        if (params.length != method.getParameterCount()) {
            throw new IllegalArgumentException("wrong number of arguments: " + params.length
                    + " expected: " + method.getParameterCount());
        }
        try {
            return ((Proxy) proxy).roastInvokeDefault(method, params);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
