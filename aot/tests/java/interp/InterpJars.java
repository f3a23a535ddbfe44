import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * Class loading from jars (args[1], packed by the jar tool from the plugin directory
 * args[0]), resources and their URLs through URLClassLoader, and ServiceLoader over a class
 * loader: providers in META-INF/services files, de-duplicated across the class path, and
 * the JDK's ServiceConfigurationErrors. Also writes a jar with JarOutputStream and loads it.
 */
public class InterpJars {
    public interface Shape {
        String name();
        double area();
    }

    public interface Broken {}
    public interface BadName {}
    public interface Missing {}
    public interface NotSub {}
    public interface NoCtor {}
    public interface Throws {}
    public interface Unused {}

    static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    /** The URL with the work directory replaced, so the output names no temporary path. */
    static String show(Object url, File work) {
        return String.valueOf(url).replace(work.toURI().getPath(), "<work>/");
    }

    static <S> void discover(Class<S> service, ClassLoader loader, File work) {
        List<String> names = new ArrayList<>();
        try {
            for (S s : ServiceLoader.load(service, loader)) {
                names.add(s.getClass().getName());
            }
            System.out.println(service.getSimpleName() + ": " + names);
        } catch (ServiceConfigurationError e) {
            Throwable c = e.getCause();
            System.out.println(service.getSimpleName() + " after " + names + ": " + show(e.getMessage(), work)
                    + (c == null ? "" : " / cause " + c.getClass().getName() + ": " + c.getMessage()));
        }
    }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        File jarFile = new File(args[1]);
        File work = jarFile.getParentFile();
        URL jarUrl = jarFile.toURI().toURL();
        URL dirUrl = dir.toURI().toURL();
        System.out.println("jar URL " + show(jarUrl, work) + ", directory URL " + show(dirUrl, work));

        try (URLClassLoader jars = new URLClassLoader(new URL[]{jarUrl}, InterpJars.class.getClassLoader())) {
            Class<?> circle = jars.loadClass("Circle");
            Shape s = (Shape) circle.getDeclaredConstructor().newInstance();
            System.out.println("from jar: " + s.name() + " " + s.area() + ", loader is jar loader " + (circle.getClassLoader() == jars));
            URL res = jars.getResource("Circle.class");
            System.out.println("class resource " + show(res, work) + " protocol " + res.getProtocol());
            System.out.println("data by stream: " + text(jars.getResourceAsStream("data/greeting.txt")));
            System.out.println("data by URL: " + text(jars.getResource("data/greeting.txt").openStream()));
            System.out.println("relative to class: " + text(circle.getResourceAsStream("data/greeting.txt"))
                    + " / " + (circle.getResource("/data/greeting.txt") != null));
            System.out.println("missing resource " + jars.getResource("data/none.txt") + " " + jars.getResourceAsStream("none"));
            List<URL> configs = Collections.list(jars.getResources("META-INF/services/InterpJars$Shape"));
            System.out.println("service files " + configs.stream().map(u -> show(u, work)).collect(Collectors.toList()));
            discover(Shape.class, jars, work);
            ServiceLoader<Shape> sl = ServiceLoader.load(Shape.class, jars);
            System.out.println("stream types " + sl.stream().map(p -> p.type().getName()).sorted().collect(Collectors.toList()));
            System.out.println("findFirst " + sl.findFirst().map(Shape::name).orElse("none") + ", " + sl);
            List<String> areas = new ArrayList<>();
            for (Shape shape : sl) {
                areas.add(shape.name() + "=" + shape.area());
            }
            Collections.sort(areas);
            System.out.println("areas " + areas);
            sl.reload();
            System.out.println("after reload " + sl.stream().count());
            for (Class<?> svc : new Class<?>[]{Broken.class, BadName.class, Missing.class, NotSub.class, NoCtor.class, Throws.class, Unused.class}) {
                discover(svc, jars, work);
            }
        }

        try (URLClassLoader both = new URLClassLoader(new URL[]{dirUrl, jarUrl}, InterpJars.class.getClassLoader())) {
            List<URL> configs = Collections.list(both.getResources("META-INF/services/InterpJars$Shape"));
            System.out.println("service files " + configs.stream().map(u -> show(u, work)).collect(Collectors.toList()));
            System.out.println("first resource " + show(both.getResource("data/greeting.txt"), work));
            discover(Shape.class, both, work);
            System.out.println("class from directory: " + show(both.loadClass("Square").getResource("Square.class"), work));
        }

        // A jar written by the program (java.util.jar over java.io), then loaded.
        File made = new File(work, "made.jar");
        try (JarOutputStream out = new JarOutputStream(new FileOutputStream(made))) {
            for (String name : new String[]{"Square.class", "Circle.class"}) {
                JarEntry e = new JarEntry(name);
                e.setTime(0);
                out.putNextEntry(e);
                try (InputStream in = new FileInputStream(new File(dir, name))) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/InterpJars$Shape"));
            out.write("# made\nSquare\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (JarFile jf = new JarFile(made)) {
            System.out.println("made.jar entries " + jf.stream().map(JarEntry::getName).collect(Collectors.toList()));
        }
        URLClassLoader madeLoader = new URLClassLoader(new URL[]{made.toURI().toURL()}, InterpJars.class.getClassLoader());
        discover(Shape.class, madeLoader, work);
        madeLoader.close();
        try {
            madeLoader.loadClass("Circle");
        } catch (ClassNotFoundException e) {
            System.out.println("after close: ClassNotFoundException " + e.getMessage() + ", resource " + madeLoader.getResource("Circle.class"));
        }
        System.out.println("deleted " + made.delete());
    }
}
