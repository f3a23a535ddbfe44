import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Generic signatures and what the JDK builds on them (HashMap tree bins). */
public class ClassGenerics {
    interface Visitor<R, E extends Exception> {}

    static class Box<T extends Number & Comparable<T>> implements Visitor<List<T>, RuntimeException>, Serializable {}

    static class Outer<A> {
        class Inner<B> implements Function<Map<A, B>, Outer<A>.Inner<B>[]> {
            public Outer<A>.Inner<B>[] apply(Map<A, B> m) {
                return null;
            }
        }
    }

    static class Wild extends ArrayList<Map<? super Integer, ? extends CharSequence>>
            implements Comparable<List<Wild>>, Function<String[], int[]> {
        public int compareTo(List<Wild> o) {
            return 0;
        }

        public int[] apply(String[] s) {
            return null;
        }
    }

    /** A key whose hash codes collide so that HashMap bins become trees. */
    static final class Key implements Comparable<Key> {
        final int id;

        Key(int id) {
            this.id = id;
        }

        public int hashCode() {
            return id % 3;
        }

        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).id == id;
        }

        public int compareTo(Key o) {
            return Integer.compare(o.id, id);
        }

        public String toString() {
            return "k" + id;
        }
    }

    static void show(Class<?> c) {
        System.out.println(c.toGenericString());
        System.out.println("  super=" + c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            System.out.println("  interface=" + t.getTypeName() + " " + (t instanceof ParameterizedType));
            if (t instanceof ParameterizedType) {
                ParameterizedType p = (ParameterizedType) t;
                System.out.println("    raw=" + p.getRawType() + " owner=" + p.getOwnerType());
                for (Type a : p.getActualTypeArguments()) {
                    System.out.println("    arg=" + a);
                }
            }
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            StringBuilder sb = new StringBuilder();
            for (Type b : v.getBounds()) {
                sb.append(' ').append(b.getTypeName());
            }
            System.out.println("  param " + v + " of " + v.getGenericDeclaration() + ":" + sb);
        }
    }

    public static void main(String[] args) {
        show(Visitor.class);
        show(Box.class);
        show(Outer.class);
        show(Outer.Inner.class);
        show(Wild.class);
        show(Key.class);
        show(HashMap.class);
        show(String.class);
        show(Integer[].class);
        TypeVariable<?> t = Box.class.getTypeParameters()[0];
        System.out.println(t.equals(Box.class.getTypeParameters()[0]) + " "
                + (t.hashCode() == Box.class.getTypeParameters()[0].hashCode()));
        Type i0 = Box.class.getGenericInterfaces()[0];
        System.out.println(i0.equals(Box.class.getGenericInterfaces()[0]) + " "
                + (i0.hashCode() == Box.class.getGenericInterfaces()[0].hashCode()));

        Map<Key, Integer> map = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            map.put(new Key(i), i);
        }
        StringBuilder order = new StringBuilder();
        for (Key k : map.keySet()) {
            order.append(k).append(' ');
        }
        System.out.println(order.toString().trim());
        System.out.println(map.get(new Key(42)) + " " + map.containsKey(new Key(100)));
    }
}
