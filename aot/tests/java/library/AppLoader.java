import java.io.*;
import java.net.URL;
import java.util.*;
import java.util.stream.Collectors;

/**
 * The application class loader of a compiled program: it defines the program's classes,
 * is the system and context class loader, finds classes by name, reads the program's
 * resources (streams and URLs), and loads the program's service providers from
 * META-INF/services, in file order.
 */
public class AppLoader {
    public interface Codec {
        String encode(String s);
    }

    public static class Reverse implements Codec {
        public String encode(String s) {
            return new StringBuilder(s).reverse().toString();
        }
    }

    public static class Upper implements Codec {
        public String encode(String s) {
            return s.toUpperCase();
        }
    }

    /** Named in no configuration file: never instantiated by ServiceLoader. */
    public static class Unlisted implements Codec {
        public String encode(String s) {
            return "unlisted";
        }
    }

    public interface Missing {
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes()).trim();
        }
    }

    public static void main(String[] args) throws Exception {
        ClassLoader app = AppLoader.class.getClassLoader();
        System.out.println("program class has a loader: " + (app != null));
        System.out.println("is the system loader: " + (app == ClassLoader.getSystemClassLoader()));
        System.out.println("is the context loader: " + (app == Thread.currentThread().getContextClassLoader()));
        System.out.println("nested class, same loader: " + (Reverse.class.getClassLoader() == app));
        System.out.println("array of program class: " + (Reverse[].class.getClassLoader() == app));
        System.out.println("JDK classes: " + String.class.getClassLoader() + " " + int[].class.getClassLoader()
                + " " + List.class.getClassLoader());
        System.out.println("loader name: " + app.getName());
        Thread t = new Thread(() -> System.out.println("new thread inherits: "
                + (Thread.currentThread().getContextClassLoader() == app)));
        t.start();
        t.join();

        System.out.println("loadClass: " + app.loadClass("AppLoader$Upper").getSimpleName()
                + " " + app.loadClass("java.util.ArrayList").getName());
        System.out.println("forName with loader: " + Class.forName("AppLoader$Reverse", true, app).getName());
        try {
            app.loadClass("no.such.Thing");
        } catch (ClassNotFoundException e) {
            System.out.println(e);
        }

        System.out.println("stream: " + read(app.getResourceAsStream("config/settings.txt")));
        System.out.println("class-relative: " + read(AppLoader.class.getResourceAsStream("config/settings.txt")));
        System.out.println("system stream: " + read(ClassLoader.getSystemResourceAsStream("config/settings.txt")));
        URL url = AppLoader.class.getResource("/config/settings.txt");
        System.out.println("URL found: " + (url != null) + ", reads: " + read(url.openStream()));
        System.out.println("URL by loader reads: " + read(app.getResource("config/settings.txt").openStream()));
        System.out.println("missing: " + app.getResource("config/none.txt") + " "
                + app.getResourceAsStream("none") + " " + AppLoader.class.getResource("none"));
        System.out.println("resources: " + Collections.list(app.getResources("config/settings.txt")).size()
                + " " + Collections.list(app.getResources("config/none.txt")).size());
        Properties p = new Properties();
        try (InputStream in = app.getResourceAsStream("config/app.properties")) {
            p.load(in);
        }
        System.out.println("properties: " + new TreeMap<>(p));

        for (Codec c : ServiceLoader.load(Codec.class)) {
            System.out.println("provider " + c.getClass().getSimpleName() + ": " + c.encode("plugin"));
        }
        System.out.println("stream of providers: " + ServiceLoader.load(Codec.class, app).stream()
                .map(pr -> pr.type().getSimpleName()).collect(Collectors.toList()));
        System.out.println("findFirst: " + ServiceLoader.load(Codec.class).findFirst().map(c -> c.encode("ab")).orElse("none"));
        System.out.println("no providers: " + ServiceLoader.load(Missing.class).findFirst().isPresent());
        System.out.println("unlisted made by hand: " + new Unlisted().encode(""));
    }
}
