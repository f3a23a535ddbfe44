import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * roast only: a plugin uses a JDK class (java.desktop's Point2D) that is neither compiled
 * into the program nor embedded for the interpreter; the failure must say so.
 */
public class LibraryMissing {
    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        URL url = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{url}, LibraryMissing.class.getClassLoader())) {
            Supplier<String> s = (Supplier<String>) loader.loadClass("UsesAbsent").getDeclaredConstructor().newInstance();
            System.out.println(s.get());
        } catch (NoClassDefFoundError e) {
            System.out.println("NoClassDefFoundError: " + e.getMessage());
        }
    }
}
