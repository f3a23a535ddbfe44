/*
 * roast SDK replacement for jdk.internal.perf.Perf. HotSpot's creates performance counters
 * in the JVM's shared instrumentation memory (the hsperfdata file jstat reads) through VM
 * natives, and the JDK updates them from Java (PerfCounter: e.g. ZipFile's open count and
 * time, which every JarFile touches). A roast executable has no instrumentation memory and
 * no attach mechanism: counters are plain buffers of the process (created, updated and read
 * like HotSpot's, visible to no other process), the high-resolution counter is
 * System.nanoTime, and attaching to a VM's counters throws IOException.
 */
package jdk.internal.perf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedAction;

public final class Perf {
    private static final Perf instance = new Perf();

    private Perf() {}

    public static class GetPerfAction implements PrivilegedAction<Perf> {
        public Perf run() {
            return getPerf();
        }
    }

    public static Perf getPerf() {
        return instance;
    }

    /** No instrumentation memory to attach to. */
    public ByteBuffer attach(int lvmid) throws IllegalArgumentException, IOException {
        if (lvmid < 0) {
            throw new IllegalArgumentException("lvmid < 0");
        }
        throw new IOException("roast: no instrumentation memory to attach to (lvmid " + lvmid + ")");
    }

    public void detach(ByteBuffer bb) {
    }

    /** A long counter holding {@code value}, in native byte order. */
    public ByteBuffer createLong(String name, int variability, int units, long value) {
        ByteBuffer bb = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder());
        bb.putLong(0, value);
        return bb;
    }

    public ByteBuffer createString(String name, int variability, int units, String value, int maxLength) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        byte[] v1 = new byte[v.length + 1];
        System.arraycopy(v, 0, v1, 0, v.length);
        return createByteArray(name, variability, units, v1, maxLength);
    }

    public ByteBuffer createString(String name, int variability, int units, String value) {
        int maxLength = Math.max(value.length() + 1, 32);
        return createString(name, variability, units, value, maxLength);
    }

    public ByteBuffer createByteArray(String name, int variability, int units, byte[] value, int maxLength) {
        ByteBuffer bb = ByteBuffer.allocate(Math.max(maxLength, value.length)).order(ByteOrder.nativeOrder());
        bb.put(0, value);
        return bb;
    }

    public long highResCounter() {
        return System.nanoTime();
    }

    public long highResFrequency() {
        return 1_000_000_000L;
    }
}
