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

    /** Defines classes from bytes made by the program itself. */
    static class RawLoader extends ClassLoader {
        RawLoader() { super(InterpBasics.class.getClassLoader()); }
        Class<?> define(String name, byte[] b) { return defineClass(name, b, 0, b.length); }
    }

    /** A class file "Bad" whose method {@code static int f()} returns null (ill-typed). */
    static byte[] illTyped() throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52);
        out.writeShort(8);
        String[] utf = {"Bad", null, "java/lang/Object", null, "f", "()I", "Code"};
        for (int i = 0; i < utf.length; i++) {
            if (utf[i] == null) { out.writeByte(7); out.writeShort(i); } else { out.writeByte(1); out.writeUTF(utf[i]); }
        }
        out.writeShort(0x21); out.writeShort(2); out.writeShort(4); out.writeShort(0); out.writeShort(0);
        out.writeShort(1);
        out.writeShort(0x09); out.writeShort(5); out.writeShort(6); out.writeShort(1);
        out.writeShort(7); out.writeInt(14); out.writeShort(1); out.writeShort(0); out.writeInt(2);
        out.writeByte(0x01); out.writeByte(0xac);
        out.writeShort(0); out.writeShort(0);
        out.writeShort(0);
        return bytes.toByteArray();
    }

    static void badClasses() {
        try {
            new RawLoader().define(null, new byte[]{(byte) 0xCA, (byte) 0xFE, 0, 0});
            System.out.println("truncated class defined?");
        } catch (ClassFormatError e) {
            System.out.println("truncated: " + e.getClass().getName());
        }
        try {
            Class<?> bad = Class.forName("Bad", true, new RawLoader() {
                @Override protected Class<?> findClass(String n) throws ClassNotFoundException {
                    try { return define(n, illTyped()); } catch (java.io.IOException e) { throw new ClassNotFoundException(n); }
                }
            });
            System.out.println("ill-typed result " + bad.getMethod("f").invoke(null));
        } catch (Throwable t) {
            // Both verify when linking, before forName initializes the class.
            Throwable root = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
            System.out.println("ill-typed: " + root.getClass().getName());
        }
    }

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
        badClasses();
    }
}
