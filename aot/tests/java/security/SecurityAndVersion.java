// Message digests and SecureRandom engines that the SUN provider creates by class name
// (kept by reflective_roots rules), and the version/vendor properties from the JDK's VersionProps.
import java.security.*;
import java.util.*;
public class SecurityAndVersion {
    public static void main(String[] args) throws Exception {
        for (String alg : new String[]{"MD5", "SHA-1", "SHA-256", "SHA-512", "SHA3-256", "SHA-512/256", "MD2"}) {
            byte[] d = MessageDigest.getInstance(alg).digest("The quick brown fox".getBytes());
            System.out.println(alg + " " + HexFormat.of().formatHex(d));
        }
        try { MessageDigest.getInstance("NOPE"); } catch (NoSuchAlgorithmException e) { System.out.println(e); }
        System.out.println(UUID.nameUUIDFromBytes("roast".getBytes()));
        SecureRandom r = new SecureRandom();
        byte[] b = new byte[16]; r.nextBytes(b);
        System.out.println("random bytes: " + b.length + " " + r.getAlgorithm());
        SecureRandom s = SecureRandom.getInstance("SHA1PRNG");
        s.setSeed(42);
        System.out.println(s.getAlgorithm() + " " + s.nextInt());
        System.out.println(UUID.randomUUID().toString().length());
        System.out.println(System.getProperty("java.version") + " " + System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " " + System.getProperty("java.class.version") + " " + Runtime.version());
    }
}
