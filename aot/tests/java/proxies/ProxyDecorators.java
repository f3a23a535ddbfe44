// The decorator idiom: proxies over target.getClass().getInterfaces(), interface arrays
// filled element by element, and a zero-interface proxy.
import java.lang.reflect.*;
import java.util.*;

public class ProxyDecorators {
    public interface Store { void put(String k, int v); int get(String k); }
    public interface Sized { int size(); }
    public interface Named { String name(); }

    static class MapStore implements Store, Sized {
        final Map<String, Integer> map = new TreeMap<>();
        public void put(String k, int v) { map.put(k, v); }
        public int get(String k) { return map.getOrDefault(k, -1); }
        public int size() { return map.size(); }
    }

    static class Person implements Named {
        public String name() { return "ada"; }
    }

    static final List<String> calls = new ArrayList<>();

    static Object traced(Object target) {
        return Proxy.newProxyInstance(ProxyDecorators.class.getClassLoader(), target.getClass().getInterfaces(), (proxy, m, args) -> {
            calls.add(m.getName());
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    public static void main(String[] args) {
        Object s = traced(new MapStore());
        ((Store) s).put("a", 1);
        ((Store) s).put("b", 2);
        System.out.println(((Store) s).get("b") + " " + ((Store) s).get("z") + " " + ((Sized) s).size() + " " + calls
                + " " + Arrays.toString(s.getClass().getInterfaces()));
        Named n = (Named) traced(new Person());
        System.out.println(n.name() + " " + calls.get(calls.size() - 1));

        Class<?>[] ifaces = new Class<?>[2];
        ifaces[1] = Sized.class;
        ifaces[0] = Named.class;
        Object two = Proxy.newProxyInstance(ProxyDecorators.class.getClassLoader(), ifaces, (proxy, m, a) -> m.getName().equals("size") ? 9 : "nine");
        System.out.println(((Named) two).name() + " " + ((Sized) two).size() + " " + Arrays.toString(two.getClass().getInterfaces()));

        Object none = Proxy.newProxyInstance(ProxyDecorators.class.getClassLoader(), new Class<?>[0], (proxy, m, a) -> m.getName().equals("toString") ? "empty" : 0);
        System.out.println(none + " " + none.hashCode() + " " + none.getClass().getInterfaces().length + " " + Proxy.isProxyClass(none.getClass()));
    }
}
