import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Classes loaded at run time (from args[0]) interoperating with compiled code. */
public class InterpBasics {
    public interface Plugin {
        String name();
        long mix(int a, long b, double c, float d, char e, boolean f, byte g, short h);
        double wide(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j,
                    int k, int l, int m, int n, int o, int p, int q);
        int callBack(Callback cb, int x) throws PluginException;
        default String greet() { return "hello from " + name(); }
    }

    public interface Callback { int apply(int x) throws PluginException; }

    public static class PluginException extends Exception {
        public final int code;
        public PluginException(String msg, int code) { super(msg); this.code = code; }
    }

    public abstract static class Shape {
        protected final String label;
        protected int calls;
        protected Shape(String label) { this.label = label; }
        public abstract double area();
        public String kind() { return "shape"; }
        public final String describe() { calls++; return kind() + ":" + label + ":" + area() + ":" + calls; }
    }

    public static final List<String> log = new ArrayList<>();
    public static int counter;

    public static String upper(String s) { return s.toUpperCase(); }

    public static void main(String[] args) throws Exception {
        URL url = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{url}, InterpBasics.class.getClassLoader())) {
            Class<?> c = Class.forName("BasicPlugin", false, loader);
            System.out.println("loaded " + c.getName() + " by plugin loader " + (c.getClassLoader() == loader)
                    + ", log before init " + log);
            Plugin p = (Plugin) c.getDeclaredConstructor().newInstance();
            System.out.println("log after init " + log + " counter " + counter);
            System.out.println(p.name() + " / " + p.greet());
            System.out.println("mix " + p.mix(3, 1L << 40, 2.5, 1.25f, 'x', true, (byte) -7, (short) 300));
            System.out.println("wide " + p.wide(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17));
            Callback doubler = x -> {
                if (x < 0) throw new PluginException("negative " + x, x);
                if (x == 13) throw new IllegalStateException("unlucky");
                return 2 * x;
            };
            for (int x : new int[]{5, -2, 13, 0, 100}) {
                try {
                    System.out.println("callBack(" + x + ") = " + p.callBack(doubler, x));
                } catch (PluginException e) {
                    System.out.println("PluginException " + e.getMessage() + " code " + e.code + " class " + e.getClass().getName());
                } catch (RuntimeException e) {
                    System.out.println("runtime " + e.getClass().getName() + ": " + e.getMessage());
                }
            }
            List<Shape> shapes = new ArrayList<>();
            for (String n : new String[]{"Square", "Cube"}) {
                shapes.add((Shape) loader.loadClass(n).getConstructor(String.class, double.class).newInstance(n.toLowerCase(), 3.0));
            }
            for (Shape s : shapes) System.out.println(s.describe() + " " + s.describe());
            try {
                loader.loadClass("Nowhere");
            } catch (ClassNotFoundException e) {
                System.out.println("not found: " + e.getMessage());
            }
            System.out.println("same interface through the loader: " + (loader.loadClass("InterpBasics$Plugin") == Plugin.class));
        }
        System.out.println("log " + log);
    }
}
