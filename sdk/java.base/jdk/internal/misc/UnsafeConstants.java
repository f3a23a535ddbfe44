/*
 * roast SDK: the machine constants Unsafe reads. HotSpot injects these values into the JDK's
 * UnsafeConstants (whose Java initializer sets them all to zero) while it starts; a roast
 * executable computes them here: 8-byte addresses and little-endian order on every target
 * roast supports (x86-64 and aarch64 Linux), the page size from the operating system at run
 * time. Unaligned access is reported as unsupported, so the JDK takes its byte-wise paths
 * (same results; the runtime's Unsafe accessors assume natural alignment).
 */
package jdk.internal.misc;

final class UnsafeConstants {
    private UnsafeConstants() {}

    static final int ADDRESS_SIZE0 = 8;

    static final int PAGE_SIZE = pageSize();

    static final boolean BIG_ENDIAN = false;

    static final boolean UNALIGNED_ACCESS = false;

    static final int DATA_CACHE_LINE_FLUSH_SIZE = 0;

    /** The operating system's page size in bytes. */
    private static native int pageSize();
}
