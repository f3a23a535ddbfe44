import java.lang.reflect.*;
import java.util.*;
import java.util.function.Supplier;

/** Class-level reflection: enclosing members, packages, newInstance, records, sealed types, forName. */
public class ClassMembers {
    sealed interface Expr permits Num, Add {}
    record Num(int value) implements Expr {}
    record Add(Expr left, Expr right) implements Expr {}
    record Box<T extends Number>(T content, List<? extends T> more) {}
    enum Level { LOW, HIGH { @Override public String toString() { return "high!"; } } }

    public static class Plain {
        static { System.out.println("  [Plain initialized]"); }
        public Plain() { System.out.println("  Plain()"); }
    }
    static class PrivateCtor { private PrivateCtor() {} }
    static abstract class Abstract { public Abstract() {} }
    public static class Throwing { public Throwing() throws Exception { throw new Exception("ctor failed"); } }

    final Object inCtor;
    ClassMembers() {
        class InCtor {}
        inCtor = new InCtor();
    }

    static Object fromStatic() {
        class Local {}
        return new Local();
    }

    <T> Supplier<T> fromGeneric(T value) {
        return new Supplier<T>() { public T get() { return value; } };
    }

    static String msg(Throwable t) { return t.getClass().getName() + ": " + t.getMessage(); }

    @SuppressWarnings("deprecation")
    public static void main(String[] args) throws Exception {
        Class<?> local = fromStatic().getClass();
        System.out.println("local: " + local.getEnclosingMethod() + " ctor " + local.getEnclosingConstructor());
        Class<?> inCtor = new ClassMembers().inCtor.getClass();
        System.out.println("in ctor: " + inCtor.getEnclosingMethod() + " ctor " + inCtor.getEnclosingConstructor());
        Class<?> anon = new ClassMembers().fromGeneric("x").getClass();
        System.out.println("anonymous: " + anon.getEnclosingMethod().toGenericString() + " anonymous " + anon.isAnonymousClass());
        System.out.println("member: " + Num.class.getEnclosingMethod() + " " + Num.class.getEnclosingConstructor());

        Package p = String.class.getPackage();
        System.out.println("packages: " + p.getName() + " same " + (p == Integer.class.getPackage()) + " util " + Map.class.getPackage().getName()
                + " mine '" + ClassMembers.class.getPackage().getName() + "' array " + int[].class.getPackage() + " prim " + int.class.getPackage());

        System.out.println("newInstance:");
        Object o = Plain.class.newInstance();
        System.out.println("  got " + o.getClass().getSimpleName());
        for (Class<?> c : new Class<?>[]{PrivateCtor.class, Abstract.class, Expr.class, int.class, Num.class}) {
            try {
                System.out.println("  " + c.getSimpleName() + " -> " + c.newInstance().getClass().getSimpleName());
            } catch (ReflectiveOperationException e) {
                System.out.println("  " + c.getSimpleName() + " -> " + msg(e));
            }
        }
        try { Throwing.class.newInstance(); } catch (Exception e) { System.out.println("  Throwing -> " + msg(e)); }

        for (Class<?> c : new Class<?>[]{Num.class, Add.class, Box.class}) {
            StringBuilder sb = new StringBuilder(c.getSimpleName() + ":");
            for (RecordComponent rc : c.getRecordComponents())
                sb.append(' ').append(rc).append(" [").append(rc.getGenericType()).append(" via ").append(rc.getAccessor().getName()).append(']');
            System.out.println(sb);
        }
        Add add = new Add(new Num(1), new Num(2));
        RecordComponent left = Add.class.getRecordComponents()[0];
        System.out.println("accessor invoke: " + left.getAccessor().invoke(add) + " declaring " + left.getDeclaringRecord().getSimpleName());
        System.out.println("not a record: " + String.class.getRecordComponents() + " isRecord " + Num.class.isRecord() + " " + Expr.class.isRecord());
        System.out.println("sealed: " + Expr.class.isSealed() + " permitted " + Arrays.toString(Expr.class.getPermittedSubclasses()) + " Num " + Num.class.getPermittedSubclasses());
        System.out.println("enum constants: " + Arrays.toString(Level.class.getEnumConstants()) + " body class " + Level.HIGH.getClass().getEnumConstants()
                + " copy " + (Level.class.getEnumConstants() != Level.class.getEnumConstants()));

        String[] names = {"ClassMembers$Num", "ClassMembers$" + "Plain", "ClassMembers$Missing", "java.util.ArrayList", "ClassMembers$Level"};
        for (String n : names) {
            try {
                Class<?> c = Class.forName(n);
                int methods = c.getName().startsWith("java.") ? -1 : c.getDeclaredMethods().length;
                System.out.println("forName " + n + " -> " + c.getName() + " methods " + methods);
            } catch (ClassNotFoundException e) {
                System.out.println("forName " + n + " -> " + msg(e));
            }
        }
        Class<?> dyn = Class.forName(String.join("$", "ClassMembers", "Num"));
        Object num = dyn.getDeclaredConstructors()[0].newInstance(5);
        System.out.println("dynamic record: " + num + " value " + dyn.getMethod("value").invoke(num));
    }
}
