import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The default SecureRandom (NativePRNG of the SUN provider on Linux, created by name) and the
 * SHA-1 digest it mixes its output with; also what Files.createTempFile/createTempDirectory
 * use to name files.
 */
public class SecureRandomDefault {
    public static void main(String[] args) throws Exception {
        SecureRandom r = new SecureRandom();
        System.out.println("algorithm " + r.getAlgorithm() + ", provider " + r.getProvider().getName());
        byte[] b = new byte[32];
        r.nextBytes(b);
        int bound = r.nextInt(10);
        long l = r.nextLong();
        System.out.println("bytes " + b.length + ", bounded " + (bound >= 0 && bound < 10) + ", long " + (l == l));
        boolean differ = false;
        byte[] c = new byte[32];
        for (int i = 0; i < 4 && !differ; i++) {
            r.nextBytes(c);
            differ = !java.util.Arrays.equals(b, c);
        }
        System.out.println("successive outputs differ " + differ);
        MessageDigest sha = MessageDigest.getInstance("SHA-1");
        System.out.println("SHA-1(abc) " + HexFormat.of().formatHex(sha.digest("abc".getBytes("UTF-8"))));
        System.out.println("seed bytes " + SecureRandom.getSeed(8).length + " " + r.generateSeed(4).length);
    }
}
