/*
 * roast SDK: the machine constants HotSpot injects into the JDK's UnsafeConstants when it
 * initializes the class (the JDK's own initializer only writes placeholders). roast targets
 * 64-bit little-endian Linux on x86-64 and aarch64, both with unaligned access and 4 KiB pages.
 */
package jdk.internal.misc;

final class UnsafeConstants {
    private UnsafeConstants() {}

    /** Size of a native pointer in bytes. */
    static final int ADDRESS_SIZE0 = 8;

    /** Size of a memory page in bytes. */
    static final int PAGE_SIZE = 4096;

    /** Is the native byte order big-endian? */
    static final boolean BIG_ENDIAN = false;

    /** Does the platform support unaligned accesses? */
    static final boolean UNALIGNED_ACCESS = true;

    /** Size of a data cache line flush; 0: writeback is not supported. */
    static final int DATA_CACHE_LINE_FLUSH_SIZE = 0;
}
