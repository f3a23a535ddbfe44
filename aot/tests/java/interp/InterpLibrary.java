import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A class loaded at run time calls JDK methods this program never calls itself: the build
 * prunes them, and the interpreter runs them from the embedded class library against the
 * compiled classes (fields, statics, calls into compiled and other pruned methods,
 * exceptions thrown inside them, synchronized methods, stack traces).
 */
public class InterpLibrary {
    /** Implemented by the plugin. */
    public interface Exercise {
        List<String> run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        // The program's own (small) use of the classes the plugin explores further.
        BigInteger a = BigInteger.valueOf(12345).multiply(BigInteger.TEN);
        System.out.println("compiled: " + a + " " + new BigDecimal("1.50").scale());
        CRC32 crc = new CRC32();
        crc.update(7);
        System.out.println("compiled crc: " + crc.getValue());
        System.out.println("compiled format: " + new DecimalFormat("#,##0.00").format(1234.5));
        System.out.println("compiled regex: " + Pattern.compile("a+b").matcher("aaab").matches());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(65);
        System.out.println("compiled bytes: " + out.toByteArray().length);
        BitSet bits = new BitSet();
        bits.set(2);
        System.out.println("compiled bits: " + bits.get(2));

        URL url = Path.of(args[0]).toUri().toURL();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{url}, InterpLibrary.class.getClassLoader())) {
            Exercise e = (Exercise) loader.loadClass("LibraryUser").getDeclaredConstructor().newInstance();
            for (String line : e.run()) {
                System.out.println(line);
            }
        }
    }
}
