import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** Calls JDK methods that the compiled program does not use. */
public class LibraryUser implements InterpLibrary.Exercise {
    private final List<String> out = new ArrayList<>();

    private void say(String s) {
        out.add(s);
    }

    @Override
    public List<String> run() throws Exception {
        bigNumbers();
        checksums();
        formatting();
        regex();
        bytes();
        strings();
        collections();
        return out;
    }

    private void bigNumbers() {
        BigInteger big = new BigInteger("123456789012345678901234567890");
        // sqrt: MutableBigInteger's private helper chain.
        say("sqrt " + big.sqrt());
        say("gcd " + big.gcd(new BigInteger("9876543210")));
        say("modPow " + big.modPow(new BigInteger("65537"), new BigInteger("1000000007")));
        say("modInverse " + BigInteger.valueOf(17).modInverse(BigInteger.valueOf(3120)));
        say("prime " + BigInteger.valueOf(1_000_003).isProbablePrime(20) + " " + BigInteger.valueOf(1_000_001).isProbablePrime(20));
        say("radix " + big.toString(36) + " bits " + big.bitLength() + " " + big.bitCount());
        say("shift " + big.shiftLeft(70).shiftRight(3) + " " + big.negate().and(BigInteger.valueOf(0xffff)));
        say("pow " + BigInteger.TWO.pow(200));
        try {
            BigInteger.valueOf(-4).sqrt();
        } catch (ArithmeticException e) {
            StackTraceElement top = e.getStackTrace()[0];
            say("caught " + e.getMessage() + " at " + top.getClassName() + "." + top.getMethodName());
        }
        BigDecimal d = new BigDecimal("2").sqrt(new MathContext(40));
        say("decimal sqrt " + d);
        say("decimal " + new BigDecimal("10").divide(new BigDecimal("3"), 12, RoundingMode.HALF_EVEN)
                + " " + new BigDecimal("123.4500").stripTrailingZeros().toPlainString()
                + " " + new BigDecimal("1e-7").toEngineeringString());
    }

    private void checksums() {
        CRC32 crc = new CRC32();
        crc.update("hello, library".getBytes(StandardCharsets.UTF_8)); // Checksum's default method
        say("crc " + Long.toHexString(crc.getValue()));
        crc.reset();
        say("crc reset " + crc.getValue());
    }

    private void formatting() {
        DecimalFormat f = new DecimalFormat("#,##0.00");
        f.applyPattern("0.###E0");
        say("pattern " + f.toPattern() + " " + f.format(123456.789));
        f.setGroupingSize(4);
        say("grouping " + f.getGroupingSize());
    }

    private void regex() {
        Pattern p = Pattern.compile("(\\w+)@(\\w+)\\.com");
        Matcher m = p.matcher("mail ann@example.com and bob@test.com now");
        StringBuilder found = new StringBuilder();
        while (m.find()) {
            found.append(m.group(1)).append('/').append(m.group(2)).append(' ');
        }
        say("found " + found.toString().trim());
        say("replaced " + p.matcher("x ann@example.com y").replaceAll("<$2:$1>"));
        say("split " + String.join("|", Pattern.compile("[,;]\\s*").split("a, b;c ,d")));
        say("quote " + Pattern.quote("a.b*c") + " " + Pattern.matches(Pattern.quote("a.b"), "a.b"));
    }

    private void bytes() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("synchronized ".getBytes(StandardCharsets.UTF_8));
        b.write("methods".getBytes(StandardCharsets.UTF_8), 0, 7);
        say("bytes " + b.size() + " " + b.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        b.writeTo(copy);
        b.reset();
        say("copied " + copy.size() + " after reset " + b.size());
    }

    private void strings() {
        say("indent [" + "a\n  b".indent(2).replace("\n", "/") + "]");
        say("strip [" + "   x\n    y\n".stripIndent().replace("\n", "/") + "]");
        say("translate " + "tab\\there".translateEscapes().replace('\t', '_'));
        say("formatted " + "%05d|%-4s|%x".formatted(42, "ab", 255));
    }

    private void collections() {
        List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7));
        Collections.rotate(list, 3);
        say("rotate " + list);
        BitSet bits = new BitSet();
        bits.set(3, 9);
        bits.flip(5);
        say("bits " + bits + " " + bits.cardinality() + " " + bits.nextClearBit(3) + " " + bits.previousSetBit(100));
    }
}
