import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Nesting metadata of classes defined at run time (InnerClasses, EnclosingMethod, NestHost,
 * NestMembers, PermittedSubclasses): names, kinds, modifiers, declaring/enclosing classes,
 * nest hosts validated as HotSpot does (host in another loader, missing host, host that does
 * not list the member), nestmate private access, permitted subclasses (missing ones left out)
 * and sealed supertypes that do not permit a class defined by another loader.
 */
public class InterpNesting {
    /** Read through Field.getInt below, so the build keeps it for the plugins' own use. */
    static int probe = 7;

    /** Defines the classes named in `own` itself (child first), refuses `refused`, delegates the rest. */
    static final class Custom extends ClassLoader {
        private final Path dir;
        private final Set<String> own;
        private final Set<String> refused;
        private final boolean hideNestMembers;

        Custom(String name, ClassLoader parent, Path dir, Set<String> own, Set<String> refused, boolean hideNestMembers) {
            super(name, parent);
            this.dir = dir;
            this.own = own;
            this.refused = refused;
            this.hideNestMembers = hideNestMembers;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (refused.contains(name)) {
                    throw new ClassNotFoundException(name);
                }
                if (!own.contains(name)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> c = findLoadedClass(name);
                if (c != null) {
                    return c;
                }
                try {
                    byte[] b = Files.readAllBytes(dir.resolve(name.replace('.', '/') + ".class"));
                    if (hideNestMembers) {
                        rename(b, "NestMembers", "XestMembers");
                    }
                    return defineClass(name, b, 0, b.length);
                } catch (java.io.IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
        }

        /** Renames an attribute in place (same length: the constant pool stays valid). */
        private static void rename(byte[] b, String from, String to) {
            byte[] f = from.getBytes(StandardCharsets.UTF_8);
            byte[] t = to.getBytes(StandardCharsets.UTF_8);
            outer:
            for (int i = 0; i + f.length <= b.length; i++) {
                for (int j = 0; j < f.length; j++) {
                    if (b[i + j] != f[j]) {
                        continue outer;
                    }
                }
                System.arraycopy(t, 0, b, i, t.length);
            }
        }
    }

    static String name(Class<?> c) {
        return c == null ? "null" : c.getName();
    }

    static String names(Class<?>[] cs) {
        if (cs == null) {
            return "null";
        }
        List<String> out = new ArrayList<>();
        for (Class<?> c : cs) {
            out.add(c.getSimpleName());
        }
        return out.toString();
    }

    static String attempt(java.util.concurrent.Callable<Object> f) {
        try {
            Object r = f.call();
            return r instanceof Class<?> c ? c.getName() : String.valueOf(r);
        } catch (Throwable t) {
            Throwable e = t instanceof java.lang.reflect.InvocationTargetException ? t.getCause() : t;
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    static void describe(Class<?> c, Class<?> outer) {
        List<String> kinds = new ArrayList<>();
        if (c.isInterface()) kinds.add("interface");
        if (c.isEnum()) kinds.add("enum");
        if (c.isRecord()) kinds.add("record");
        if (c.isAnonymousClass()) kinds.add("anonymous");
        if (c.isLocalClass()) kinds.add("local");
        if (c.isMemberClass()) kinds.add("member");
        if (c.isSealed()) kinds.add("sealed");
        if (c.isArray()) kinds.add("array");
        System.out.println(c.getName() + " simple='" + c.getSimpleName() + "' canonical=" + c.getCanonicalName()
            + " type=" + c.getTypeName() + " " + kinds + " modifiers='" + Modifier.toString(c.getModifiers()) + "'");
        Method em = c.getEnclosingMethod();
        System.out.println("  declaring=" + name(c.getDeclaringClass()) + " enclosing=" + name(c.getEnclosingClass())
            + " method=" + (em == null ? "null" : em.getName()) + " ctor=" + (c.getEnclosingConstructor() != null)
            + " host=" + name(c.getNestHost()) + " nestmate=" + c.isNestmateOf(outer)
            + " permitted=" + names(c.getPermittedSubclasses()));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        System.out.println("probe " + InterpNesting.class.getDeclaredField("probe").getInt(null));
        URLClassLoader plugins = new URLClassLoader("plugins", new URL[] {new File(args[0]).toURI().toURL()},
            InterpNesting.class.getClassLoader());
        Class<?> outer = Class.forName("nestp.Outer", true, plugins);
        for (Class<?> c : (Class<?>[]) outer.getMethod("all").invoke(null)) {
            describe(c, outer);
        }
        Object instance = outer.getConstructor().newInstance();
        Class<?> nested = plugins.loadClass("nestp.Outer$Nested");
        Class<?> stranger = plugins.loadClass("nestp.Stranger");
        System.out.println("nestmate peek: " + attempt(() -> nested.getMethod("peek", outer).invoke(null, instance)));
        System.out.println("stranger peek: " + attempt(() -> stranger.getMethod("peek", outer).invoke(null, instance)));

        // Nested defined by another loader: its host is in another run-time package.
        Custom split = new Custom("split", plugins, dir, Set.of("nestp.Outer$Nested"), Set.of(), false);
        Class<?> splitNested = split.loadClass("nestp.Outer$Nested");
        System.out.println("split: host=" + name(splitNested.getNestHost()) + " nestmate=" + splitNested.isNestmateOf(outer)
            + " same=" + (splitNested.getNestHost() == splitNested));
        System.out.println("split simple: " + attempt(splitNested::getSimpleName));
        System.out.println("split member: " + attempt(splitNested::isMemberClass));
        System.out.println("split canonical: " + attempt(splitNested::getCanonicalName));
        System.out.println("split enclosing: " + attempt(splitNested::getEnclosingClass));
        System.out.println("split peek: " + attempt(() -> splitNested.getMethod("peek", outer).invoke(null, instance)));

        // The host cannot be loaded: the class is its own host; its declaring class fails.
        Custom orphanLoader = new Custom("orphan", plugins, dir, Set.of("nestp.Outer$Nested"), Set.of("nestp.Outer"), false);
        Class<?> orphan = orphanLoader.loadClass("nestp.Outer$Nested");
        System.out.println("orphan: host=" + name(orphan.getNestHost()) + " nestmate=" + orphan.isNestmateOf(outer)
            + " modifiers=" + Modifier.toString(orphan.getModifiers()));
        System.out.println("orphan simple: " + attempt(orphan::getSimpleName));
        System.out.println("orphan canonical: " + attempt(orphan::getCanonicalName));
        System.out.println("orphan declaring: " + attempt(orphan::getDeclaringClass));

        // The host does not list its members (NestMembers renamed away).
        Custom unlisted = new Custom("unlisted", null, dir, Set.of("nestp.Outer", "nestp.Outer$Nested", "nestp.Outer$Inner"),
            Set.of(), true);
        Class<?> unlistedNested = unlisted.loadClass("nestp.Outer$Nested");
        Class<?> unlistedOuter = unlisted.loadClass("nestp.Outer");
        System.out.println("unlisted: host=" + name(unlistedNested.getNestHost()) + " self=" + (unlistedNested.getNestHost() == unlistedNested)
            + " outer host self=" + (unlistedOuter.getNestHost() == unlistedOuter) + " nestmate=" + unlistedNested.isNestmateOf(unlistedOuter)
            + " inner nestmates=" + unlisted.loadClass("nestp.Outer$Inner").isNestmateOf(unlistedNested)
            + " declaring=" + name(unlistedNested.getDeclaringClass()));

        // A permitted subclass that cannot be loaded is left out.
        Set<String> sealedParts = Set.of("nestp.Outer", "nestp.Outer$Base", "nestp.Outer$Leaf", "nestp.Outer$Shape", "nestp.Outer$Circle",
            "nestp.Outer$Square", "nestp.Outer$Poly");
        Custom partial = new Custom("partial", null, dir, sealedParts, Set.of("nestp.Outer$Gone", "nestp.Outer$Square"), false);
        System.out.println("partial: Base permitted=" + names(partial.loadClass("nestp.Outer$Base").getPermittedSubclasses())
            + " sealed=" + partial.loadClass("nestp.Outer$Base").isSealed()
            + " Shape permitted=" + names(partial.loadClass("nestp.Outer$Shape").getPermittedSubclasses()));

        // A subclass defined by another loader than its sealed supertype is not permitted.
        Custom sub = new Custom("sub", partial, dir, Set.of("nestp.Outer$Leaf", "nestp.Outer$Circle", "nestp.Outer$Poly"), Set.of(), false);
        System.out.println("foreign leaf: " + attempt(() -> sub.loadClass("nestp.Outer$Leaf")));
        System.out.println("foreign circle: " + attempt(() -> sub.loadClass("nestp.Outer$Circle")));
        System.out.println("foreign poly: " + attempt(() -> sub.loadClass("nestp.Outer$Poly")));
        System.out.println("same loader leaf: " + attempt(() -> partial.loadClass("nestp.Outer$Leaf")));
    }
}
