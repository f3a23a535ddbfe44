import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/** Reflective construction through getDeclaredConstructor/getConstructor and newInstance. */
public class ReflectConstructors {
    static class Point {
        final String how;

        public Point() {
            how = "none";
        }

        Point(int x, long y) {
            how = "int,long " + x + " " + y;
        }

        Point(boolean b, byte by, char c, short s) {
            how = "boolean,byte,char,short " + b + " " + by + " " + c + " " + s;
        }

        Point(float f, double d) {
            how = "float,double " + f + " " + d;
        }

        private Point(String s, Object o, int[] a) {
            how = "String,Object,int[] " + s + " " + o + " " + (a == null ? "null" : a.length);
        }

        Point(double a, int b, float c, long d, String e) {
            how = "mixed " + a + " " + b + " " + c + " " + d + " " + e;
        }
    }

    static class Thrower {
        Thrower(int code) {
            throw new IllegalStateException("code " + code);
        }
    }

    public static class Fields {
        public int count = 3;
        public static String label = "L";
        private long hidden;
    }

    static abstract class Shape {
        Shape() {
        }
    }

    static void show(Constructor<?> c, Object... args) throws Exception {
        Object o = c.newInstance(args);
        System.out.println(((Point) o).how);
    }

    public static void main(String[] args) throws Exception {
        Class<Point> pc = Point.class;
        show(pc.getDeclaredConstructor());
        show(pc.getConstructor());
        show(pc.getDeclaredConstructor(int.class, long.class), 7, 8L);
        show(pc.getDeclaredConstructor(int.class, long.class), (byte) 3, 4);
        show(pc.getDeclaredConstructor(boolean.class, byte.class, char.class, short.class), true, (byte) -2, 'x', (short) 300);
        show(pc.getDeclaredConstructor(float.class, double.class), 1.5f, 2.25);
        show(pc.getDeclaredConstructor(float.class, double.class), 3, 'A');
        show(pc.getDeclaredConstructor(String.class, Object.class, int[].class), "s", 42, new int[3]);
        show(pc.getDeclaredConstructor(String.class, Object.class, int[].class), null, null, null);
        show(pc.getDeclaredConstructor(double.class, int.class, float.class, long.class, String.class), 0.5, 1, 2.5f, 9L, "e");
        Constructor<Point> c = pc.getDeclaredConstructor(int.class, long.class);
        System.out.println(Modifier.toString(c.getModifiers()) + "|" + c.getParameterCount() + "|" + c.getName()
                + "|" + c.getDeclaringClass().getSimpleName());
        System.out.println(c);
        try {
            c.newInstance("x", 1L);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            c.newInstance(1);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            c.newInstance(1L, 1L);
        } catch (IllegalArgumentException e) {
            System.out.println("IllegalArgumentException " + e.getMessage());
        }
        try {
            Thrower.class.getDeclaredConstructor(int.class).newInstance(5);
        } catch (InvocationTargetException e) {
            System.out.println("InvocationTargetException cause " + e.getCause());
        }
        try {
            pc.getDeclaredConstructor(String.class);
        } catch (NoSuchMethodException e) {
            System.out.println("NoSuchMethodException " + e.getMessage());
        }
        try {
            pc.getConstructor(int.class, long.class);
        } catch (NoSuchMethodException e) {
            System.out.println("NoSuchMethodException " + e.getMessage());
        }
        try {
            Shape.class.getDeclaredConstructor().newInstance();
        } catch (InstantiationException e) {
            System.out.println("InstantiationException " + e.getMessage());
        }
        System.out.println("public constructors of Point: " + pc.getConstructors().length);
        Object viaName = Class.forName("ReflectConstructors$Point").getDeclaredConstructor().newInstance();
        System.out.println("forName: " + ((Point) viaName).how);

        Fields fobj = new Fields();
        Field count = Fields.class.getDeclaredField("count");
        System.out.println(count.getName() + " " + count.getType() + " " + Modifier.toString(count.getModifiers())
                + " " + count.getDeclaringClass().getSimpleName());
        Field label = Fields.class.getField("label");
        System.out.println(label.getName() + " " + label.getType().getSimpleName() + " " + Modifier.toString(label.getModifiers()));
        try {
            Fields.class.getField("hidden");
        } catch (NoSuchFieldException e) {
            System.out.println("NoSuchFieldException " + e.getMessage());
        }
        System.out.println(fobj.count + " " + Fields.label + " " + fobj.hidden);
    }
}
