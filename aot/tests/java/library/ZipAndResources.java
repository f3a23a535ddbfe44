import java.io.*;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.zip.*;

/**
 * Embedded resources and java.util.zip (checksums, Deflater/Inflater, GZIP streams). Zip
 * entries are left out: their DOS times go through java.time's zone rules provider, which
 * needs the system class loader (not available yet).
 */
public class ZipAndResources {
    static byte[] text(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("line ").append(i % 17).append(" of the zip test; ");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.length); i++) sb.append(String.format("%02x", b[i]));
        return sb.toString();
    }

    static void resources() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ZipAndResources.class.getResourceAsStream("/data/app.properties")) {
            p.load(in);
        }
        System.out.println("properties: " + p.getProperty("greeting") + " / " + p.getProperty("number"));
        try (InputStream in = ZipAndResources.class.getResourceAsStream("top.txt")) {
            System.out.println("relative: " + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
        }
        System.out.println("missing: " + ZipAndResources.class.getResourceAsStream("/data/none.txt"));
        System.out.println("missing URL: " + ZipAndResources.class.getResource("nothing-here"));
        System.out.println("names: " + Character.getName('A') + ", " + Character.getName(0x20AC) + ", "
                + Character.getName(0x1F600) + ", unassigned " + Character.getName(0x0378));
        System.out.println("codePointOf: " + Integer.toHexString(Character.codePointOf("GREEK SMALL LETTER ALPHA")));
    }

    static void checksums() {
        byte[] data = text(100);
        CRC32 crc = new CRC32();
        crc.update(data);
        Adler32 adler = new Adler32();
        adler.update(data, 10, 500);
        System.out.println("crc32 " + Long.toHexString(crc.getValue()) + " adler32 " + Long.toHexString(adler.getValue()));
        crc.reset();
        for (int i = 0; i < 10; i++) crc.update(i * 31);
        System.out.println("crc32 bytes " + crc.getValue());
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        direct.put(data).flip();
        CRC32 viaBuffer = new CRC32();
        viaBuffer.update(direct);
        CRC32 viaHeap = new CRC32();
        viaHeap.update(ByteBuffer.wrap(data));
        CRC32C c32c = new CRC32C();
        c32c.update(data);
        System.out.println("buffers " + viaBuffer.getValue() + " " + viaHeap.getValue() + " crc32c " + c32c.getValue());
    }

    static void deflateInflate() throws Exception {
        byte[] data = text(300);
        for (int level : new int[] {Deflater.NO_COMPRESSION, Deflater.BEST_SPEED, Deflater.DEFAULT_COMPRESSION, Deflater.BEST_COMPRESSION}) {
            for (boolean nowrap : new boolean[] {false, true}) {
                Deflater d = new Deflater(level, nowrap);
                d.setInput(data);
                d.finish();
                byte[] buf = new byte[data.length + 64];
                int n = d.deflate(buf);
                System.out.println("level " + level + " nowrap " + nowrap + ": " + data.length + " -> " + n + " adler "
                        + d.getAdler() + " read " + d.getBytesRead() + " head " + hex(buf, 8));
                d.end();
                Inflater inf = new Inflater(nowrap);
                inf.setInput(buf, 0, n);
                byte[] out = new byte[data.length];
                int m = 0;
                while (!inf.finished() && m < out.length) m += inf.inflate(out, m, Math.min(777, out.length - m));
                System.out.println("  inflated " + m + " equal " + Arrays.equals(out, data) + " remaining " + inf.getRemaining());
                inf.end();
            }
        }
        Deflater filtered = new Deflater();
        filtered.setStrategy(Deflater.HUFFMAN_ONLY);
        filtered.setInput(data);
        filtered.finish();
        byte[] buf = new byte[data.length];
        System.out.println("huffman only: " + filtered.deflate(buf));
        Inflater bad = new Inflater();
        bad.setInput(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try {
            bad.inflate(new byte[100]);
        } catch (DataFormatException e) {
            System.out.println("bad input: " + e.getMessage());
        }
        byte[] dict = "line of the zip test".getBytes(StandardCharsets.UTF_8);
        Deflater withDict = new Deflater();
        withDict.setDictionary(dict);
        withDict.setInput(data);
        withDict.finish();
        int n = withDict.deflate(buf);
        Inflater needsDict = new Inflater();
        needsDict.setInput(buf, 0, n);
        byte[] out = new byte[data.length];
        int first = needsDict.inflate(out);
        System.out.println("dictionary: " + n + " bytes, first inflate " + first + " needsDictionary " + needsDict.needsDictionary());
        needsDict.setDictionary(dict);
        int rest = needsDict.inflate(out);
        System.out.println("  then " + rest + " equal " + Arrays.equals(out, data));
    }

    static void streams() throws IOException {
        byte[] data = text(200);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(data);
        }
        byte[] packed = gz.toByteArray();
        System.out.println("gzip " + packed.length + " bytes, head " + hex(packed, 12));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(packed))) {
            System.out.println("gunzip equal " + Arrays.equals(in.readAllBytes(), data));
        }
    }

    public static void main(String[] args) throws Exception {
        resources();
        checksums();
        deflateInflate();
        streams();
    }
}
