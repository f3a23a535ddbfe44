import java.util.EnumMap;
import java.util.EnumSet;

/** Class.forName, casts, enums through Class, class loaders. */
public class ClassLookup {
    enum Planet { MERCURY, VENUS, EARTH, MARS }

    enum Unused { ALPHA, BETA }

    /** Never initialized by the program: roast has not compiled its constants. */
    enum Dormant { X, Y }

    static class Initialized {
        static int value = 1;

        static {
            System.out.println("Initialized.<clinit>");
        }
    }

    static class NotInitialized {
        static {
            System.out.println("NotInitialized.<clinit>");
        }
    }

    static void tryForName(String name) {
        try {
            Class<?> c = Class.forName(name);
            System.out.println("forName(" + name + ") = " + c);
        } catch (ClassNotFoundException e) {
            System.out.println("forName(" + name + ") threw " + e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("--dormant-enum")) {
            System.out.println(EnumSet.allOf(Dormant.class));
            return;
        }
        if (args.length > 99) {
            // roast compiles a closed world: classes only named in strings must be used in code
            // (here: loaded and initialized, never run), and enums must be initialized somewhere.
            System.out.println(Initialized.value + " " + NotInitialized.class + " " + Unused.ALPHA);
        }
        tryForName("java.lang.String");
        tryForName("[Ljava.lang.String;");
        tryForName("[I");
        tryForName("ClassLookup$Planet");
        tryForName("ClassLookup.Planet");
        tryForName("java/lang/String");
        tryForName("int");
        tryForName("no.such.Clazz");
        Class<?> init = Class.forName("ClassLookup$Initialized");
        System.out.println("after forName " + init.getSimpleName());
        Class<?> lazy = Class.forName("ClassLookup$NotInitialized", false, ClassLookup.class.getClassLoader());
        System.out.println("after lazy forName " + lazy.getSimpleName());
        System.out.println(Class.forName("java.util.ArrayList", false, null));
        System.out.println(String.class.getClassLoader());
        System.out.println(int[].class.getClassLoader());

        System.out.println(Enum.valueOf(Planet.class, "EARTH").ordinal());
        System.out.println(Planet.valueOf("MARS"));
        try {
            Planet.valueOf("PLUTO");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
        Object[] constants = Unused.class.getEnumConstants();
        System.out.println(constants.length + " " + constants[1] + " " + constants.getClass().getSimpleName());
        constants[0] = null;
        System.out.println(Unused.class.getEnumConstants()[0]);
        System.out.println(String.class.getEnumConstants());
        EnumMap<Planet, String> map = new EnumMap<>(Planet.class);
        map.put(Planet.VENUS, "hot");
        map.put(Planet.MERCURY, "hotter");
        System.out.println(map);
        System.out.println(EnumSet.complementOf(EnumSet.of(Planet.EARTH)));
        System.out.println(EnumSet.allOf(Unused.class));

        Object s = "text";
        System.out.println(String.class.cast(s) + " " + CharSequence.class.isInstance(s)
                + " " + Object.class.isAssignableFrom(String.class) + " " + String.class.isAssignableFrom(Object.class));
        System.out.println(Object[].class.isAssignableFrom(String[].class) + " "
                + Object[].class.isAssignableFrom(int[].class) + " " + Runnable.class.isInstance(null));
        try {
            Integer.class.cast(s);
        } catch (ClassCastException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(Integer.class.asSubclass(Number.class));
        try {
            String.class.asSubclass(Number.class);
        } catch (ClassCastException e) {
            System.out.println(e.getMessage());
        }
        System.out.println(ClassLookup.class.desiredAssertionStatus());
        System.exit(3);
    }
}
