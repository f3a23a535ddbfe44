import java.io.Serializable;
import java.lang.reflect.Modifier;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names, modifiers and nesting of classes as java.lang.Class reports them. */
public class ClassNames {
    static class Nested {
        class Inner {
            private class Deepest {}
        }
    }

    private interface Shape extends Serializable, Comparable<Shape> {}

    protected abstract static class Base<T extends Comparable<T>, U> implements Shape {}

    static final class Square extends Base<String, List<? extends Number>> {
        public int compareTo(Shape o) {
            return 0;
        }
    }

    enum Color {
        RED,
        GREEN {
            @Override
            public String toString() {
                return "green";
            }
        },
        BLUE
    }

    record Point(int x, int y) {}

    @interface Marker {}

    sealed interface Animal permits Dog, Cat {}

    static final class Dog implements Animal {}

    static non-sealed class Cat implements Animal {}

    static class Pair<K, V> extends AbstractMap.SimpleEntry<K, V> implements Map.Entry<K, V> {
        Pair(K k, V v) {
            super(k, v);
        }

        class Ref<W extends K> {}
    }

    static void describe(Class<?> c) {
        System.out.println("name=" + c.getName());
        System.out.println("  simple=" + c.getSimpleName() + " type=" + c.getTypeName()
                + " canonical=" + c.getCanonicalName());
        System.out.println("  toString=" + c + " package=" + c.getPackageName()
                + " descriptor=" + c.descriptorString());
        System.out.println("  modifiers=" + Modifier.toString(c.getModifiers()) + " (" + c.getModifiers() + ")");
        System.out.println("  interface=" + c.isInterface() + " array=" + c.isArray() + " primitive="
                + c.isPrimitive() + " enum=" + c.isEnum() + " record=" + c.isRecord() + " annotation="
                + c.isAnnotation() + " synthetic=" + c.isSynthetic());
        System.out.println("  anonymous=" + c.isAnonymousClass() + " local=" + c.isLocalClass() + " member="
                + c.isMemberClass() + " sealed=" + c.isSealed() + " hidden=" + c.isHidden());
        System.out.println("  super=" + c.getSuperclass() + " component=" + c.getComponentType()
                + " declaring=" + c.getDeclaringClass() + " enclosing=" + c.getEnclosingClass());
        System.out.println("  nestHost=" + c.getNestHost() + " nestmateOfMain=" + c.isNestmateOf(ClassNames.class));
        StringBuilder sb = new StringBuilder();
        for (Class<?> i : c.getInterfaces()) {
            sb.append(' ').append(i.getName());
        }
        System.out.println("  interfaces:" + sb);
        System.out.println("  generic=" + c.toGenericString());
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--reflect")) {
            // Member reflection (the same answer as HotSpot's).
            System.out.println(ClassNames.class.getDeclaredMethods().length > 0);
            return;
        }
        Object anonymous = new Object() {};
        class Local {}
        Runnable inAnonymous = new Runnable() {
            public void run() {
                class LocalInAnonymous {}
                describe(LocalInAnonymous.class);
                describe(new LocalInAnonymous() {}.getClass());
            }
        };
        List<Class<?>> classes = new ArrayList<>();
        classes.add(ClassNames.class);
        classes.add(Nested.class);
        classes.add(Nested.Inner.class);
        classes.add(Nested.Inner.Deepest.class);
        classes.add(Shape.class);
        classes.add(Base.class);
        classes.add(Square.class);
        classes.add(Color.class);
        classes.add(Color.GREEN.getClass());
        classes.add(Point.class);
        classes.add(Marker.class);
        classes.add(Animal.class);
        classes.add(Dog.class);
        classes.add(Cat.class);
        classes.add(Pair.class);
        classes.add(Pair.Ref.class);
        classes.add(anonymous.getClass());
        classes.add(Local.class);
        classes.add(new Local[0].getClass());
        classes.add(new Square[2][3].getClass());
        classes.add(new int[0].getClass());
        classes.add(new long[1][1].getClass());
        classes.add(int.class);
        classes.add(boolean.class);
        classes.add(void.class);
        classes.add(String.class);
        classes.add(new String[0].getClass());
        classes.add(Map.Entry.class);
        classes.add(HashMap.class);
        classes.add(Object.class);
        classes.add(Thread.State.class);
        classes.add(Comparable.class);
        classes.add(Integer.class);
        for (Class<?> c : classes) {
            describe(c);
        }
        inAnonymous.run();
        System.out.println(ClassNames.class.hashCode() == ClassNames.class.hashCode());
        System.out.println(new ClassNames().getClass() == ClassNames.class);
        System.out.println(String.class.equals(new String[0].getClass().getComponentType()));
        System.out.println(Integer.TYPE == int.class);
        System.out.println(int.class.arrayType() == int[].class);
        System.out.println(String[].class.componentType() == String.class);
    }
}
