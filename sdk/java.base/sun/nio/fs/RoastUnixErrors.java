/*
 * roast SDK (new class, shadows nothing): builds the sun.nio.fs.UnixException that
 * HotSpot's libnio natives throw, for the runtime's UnixNativeDispatcher natives
 * (runtime/src/natives/nio_fs.rs, through RoastVM.unixException). UnixException is
 * package-private, so the constructor call has to live in this package.
 */
package sun.nio.fs;

public final class RoastUnixErrors {
    private RoastUnixErrors() {}

    /** A UnixException for the error number `errno`, as libnio's throwUnixException makes. */
    public static Throwable unixException(int errno) {
        return new UnixException(errno);
    }
}
