import java.io.File;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Class loader isolation (the same class file defined by two loaders), Class.forName with a
 * loader, and runtime-visible annotations of classes defined at run time.
 */
public class InterpIsolation {
    public enum Level { LOW, MID, HIGH }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.CONSTRUCTOR})
    public @interface Tag {
        String value();
        int rank() default 7;
        Level level() default Level.LOW;
        Class<?> kind() default Object.class;
        String[] aliases() default {};
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Inherited
    public @interface Family { String value(); }

    @Retention(RetentionPolicy.RUNTIME)
    public @interface Nested {
        Tag tag();
        long big() default 1L << 40;
        double ratio() default 0.5;
        char letter() default 'x';
        boolean flag() default true;
        Level[] levels() default {Level.MID};
    }

    @Retention(RetentionPolicy.CLASS)
    public @interface Invisible {}

    public interface Counter {
        int bump();
        int total();
        String origin();
    }

    public static final List<String> events = new ArrayList<>();

    public static synchronized void event(String e) {
        events.add(e);
    }

    static String members(Class<?> c) throws Exception {
        StringBuilder sb = new StringBuilder();
        Method[] methods = c.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            sb.append("  method ").append(m.getName()).append(' ').append(Arrays.toString(m.getDeclaredAnnotations()));
            for (java.lang.annotation.Annotation[] p : m.getParameterAnnotations()) {
                sb.append(" param").append(Arrays.toString(p));
            }
            sb.append('\n');
        }
        Field[] fields = c.getDeclaredFields();
        Arrays.sort(fields, Comparator.comparing(Field::getName));
        for (Field f : fields) {
            sb.append("  field ").append(f.getName()).append(' ').append(Arrays.toString(f.getAnnotations())).append('\n');
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            sb.append("  constructor ").append(k.getParameterCount()).append(' ').append(Arrays.toString(k.getAnnotations())).append('\n');
        }
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        URL url = new File(args[0]).toURI().toURL();
        URLClassLoader l1 = new URLClassLoader("one", new URL[]{url}, InterpIsolation.class.getClassLoader());
        URLClassLoader l2 = new URLClassLoader("two", new URL[]{url}, InterpIsolation.class.getClassLoader());

        Class<?> c1 = Class.forName("PluginCounter", false, l1);
        System.out.println("forName without init: events " + events);
        Class<?> again = Class.forName("PluginCounter", true, l1);
        System.out.println("forName with init: same " + (again == c1) + ", events " + events);
        Class<?> c2 = l2.loadClass("PluginCounter");
        System.out.println("two loaders: same class " + (c1 == c2) + ", same name " + c1.getName().equals(c2.getName())
                + ", loaders " + c1.getClassLoader().getName() + "/" + c2.getClassLoader().getName()
                + ", findLoaded " + (Class.forName("PluginCounter", false, l2) == c2));
        Counter a = (Counter) c1.getDeclaredConstructor().newInstance();
        Counter b = (Counter) c1.getDeclaredConstructor().newInstance();
        Counter x = (Counter) c2.getDeclaredConstructor().newInstance();
        for (int i = 0; i < 4; i++) {
            a.bump();
            b.bump();
        }
        x.bump();
        System.out.println("statics: " + a.total() + " " + b.total() + " " + x.total() + " origins " + a.origin() + " " + x.origin());
        System.out.println("events " + events);
        try {
            c1.cast(x);
            System.out.println("cast succeeded");
        } catch (ClassCastException e) {
            System.out.println("ClassCastException: " + e.getMessage());
        }
        System.out.println("isInstance " + c1.isInstance(a) + " " + c1.isInstance(x) + ", assignable " + c1.isAssignableFrom(c2));
        Class<?> child1 = l1.loadClass("PluginChild");
        System.out.println("child superclass is loader one's: " + (child1.getSuperclass() == c1));
        Method find = c1.getMethod("find", String.class);
        Class<?> found = (Class<?>) find.invoke(null, "PluginChild");
        System.out.println("forName(String) from plugin code uses its loader: " + (found == child1)
                + ", program class: " + (find.invoke(null, "InterpIsolation") == InterpIsolation.class));
        try {
            Class.forName("NoSuchPlugin", false, l1);
        } catch (ClassNotFoundException e) {
            System.out.println("ClassNotFoundException: " + e.getMessage());
        }

        // Annotations of run-time classes.
        Tag tag = c1.getAnnotation(Tag.class);
        System.out.println("class tag " + tag);
        System.out.println("tag values " + tag.value() + " " + tag.rank() + " " + tag.level() + " " + tag.kind().getName()
                + " " + Arrays.toString(tag.aliases()) + ", type " + tag.annotationType().getSimpleName());
        System.out.println("class annotations " + Arrays.toString(c1.getAnnotations()));
        System.out.println("present Family " + c1.isAnnotationPresent(Family.class) + ", Invisible "
                + c1.isAnnotationPresent(Invisible.class) + ", Tag by type " + c1.getAnnotationsByType(Tag.class).length);
        System.out.println("equal across loaders " + tag.equals(c2.getAnnotation(Tag.class)) + " hash "
                + (tag.hashCode() == c2.getAnnotation(Tag.class).hashCode()));
        System.out.print("members of PluginCounter:\n" + members(c1));
        System.out.println("child inherited " + Arrays.toString(child1.getAnnotations()) + ", declared "
                + Arrays.toString(child1.getDeclaredAnnotations()));
        System.out.print("members of PluginChild:\n" + members(child1));
        Method bump = c1.getMethod("bump");
        Nested n = bump.getAnnotation(Nested.class);
        System.out.println("nested " + n.tag().value() + " " + n.big() + " " + n.ratio() + " " + n.letter() + " " + n.flag()
                + " " + Arrays.toString(n.levels()));
        l1.close();
        l2.close();
        System.out.println("after close: " + a.bump() + ", events " + events.size());
    }
}
