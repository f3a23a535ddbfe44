/*
 * roast SDK: entry points the native runtime calls into. Every method here is a root of the
 * reachability analysis. Exceptions raised by the runtime are constructed here, with
 * HotSpot's messages.
 */
package java.lang;

final class RoastVM {
    private RoastVM() {}

    static Throwable npe(String message) {
        return message == null ? new NullPointerException() : new NullPointerException(message);
    }

    static Throwable indexOutOfBounds(int index, int length) {
        return new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
    }

    static Throwable indexOutOfBoundsMessage(String message) {
        return new ArrayIndexOutOfBoundsException(message);
    }

    static Throwable cloneNotSupported(String className) {
        return new CloneNotSupportedException(className);
    }

    static Throwable divideByZero() {
        return new ArithmeticException("/ by zero");
    }

    static Throwable negativeArraySize(int length) {
        return new NegativeArraySizeException(Integer.toString(length));
    }

    static Throwable arrayStore(String message) {
        return new ArrayStoreException(message);
    }

    static Throwable stackOverflow() {
        return new StackOverflowError();
    }

    static Throwable outOfMemory() {
        return new OutOfMemoryError("Java heap space");
    }

    static Throwable illegalMonitorState() {
        return new IllegalMonitorStateException("current thread is not owner");
    }

    static Throwable classCast(String message) {
        return new ClassCastException(message);
    }

    static Throwable initializerError(Throwable cause) {
        if (cause instanceof Error) {
            return cause;
        }
        return new ExceptionInInitializerError(cause);
    }

    static Throwable noClassDefInit(String className, Throwable cause) {
        NoClassDefFoundError e = new NoClassDefFoundError("Could not initialize class " + className);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /**
     * What a failed class initialization leaves behind as the cause of later
     * NoClassDefFoundErrors, as HotSpot records it.
     */
    static Throwable initializationFailure(Throwable original) {
        ExceptionInInitializerError e = new ExceptionInInitializerError(
                "Exception " + original + " [in thread \"" + Thread.currentThread().getName() + "\"]");
        e.setStackTrace(original.getStackTrace());
        return e;
    }

    static Throwable linkage(int kind, String message) {
        switch (kind) {
            case 1: return new UnsatisfiedLinkError(message);
            case 2: return new AbstractMethodError(message);
            case 3: return new NoSuchMethodError(message);
            case 4: return new NoSuchFieldError(message);
            case 5: return new NoClassDefFoundError(message);
            case 6: return new IncompatibleClassChangeError(message);
            case 7: return new IllegalAccessError(message);
            case 8: return new InstantiationError(message);
            case 10: return new ClassFormatError(message);
            case 11: return new VerifyError(message);
            case 12: return new LinkageError(message);
            case 13: return new SecurityException(message);
            default: return new UnsupportedOperationException("roast: " + message);
        }
    }

    /** Loads a class for the interpreter's resolution: {@code loader.loadClass(name)}. */
    static Class<?> loadClass(ClassLoader loader, String name) throws ClassNotFoundException {
        return loader.loadClass(name);
    }

    /** The constants of an enum class (a fresh array from its compiled values()), or null. */
    static native Object[] enumValues(Class<?> c);

    /**
     * A copy of the embedded resource with this absolute name (no leading '/'), or null. The
     * compiler embeds the program's resources and the JDK resources its code names.
     */
    static native byte[] resourceBytes(String name);

    static Throwable interrupted(String message) {
        return new InterruptedException(message);
    }

    static Throwable illegalArgument(String message) {
        return new IllegalArgumentException(message);
    }

    /**
     * Exceptions of library natives (`runtime/src/throw.rs`): 0 DataFormatException,
     * 1 InternalError, 2 IOException, 3 FileNotFoundException, 4 OutOfMemoryError.
     */
    static Throwable libraryError(int kind, String message) {
        switch (kind) {
            case 0: return new java.util.zip.DataFormatException(message);
            case 2: return new java.io.IOException(message);
            case 3: return new java.io.FileNotFoundException(message);
            case 4: return new OutOfMemoryError(message);
            default: return new InternalError(message);
        }
    }

    /**
     * The sun.nio.fs.UnixException of a failed system call (`runtime/src/natives/nio_fs.rs`):
     * the JDK maps its error number to NoSuchFileException & co. with HotSpot's messages.
     */
    static Throwable unixException(int errno) {
        return sun.nio.fs.RoastUnixErrors.unixException(errno);
    }

    /**
     * The entry of an interpret-program executable (aot/src/interpret_program.rs): loads the
     * main class through the application class loader, makes that loader the thread's
     * context loader and runs main in the interpreter.
     */
    static void runInterpretedMain(String[] args) throws ClassNotFoundException {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        Thread.currentThread().setContextClassLoader(app);
        invokeMain(Class.forName(interpretedMainClass(), false, app), args);
    }

    /** The binary name of the main class of an interpret-program executable, or null. */
    static native String interpretedMainClass();

    /** Initializes the class and calls its static main(String[]) (runtime/src/interp/launch.rs). */
    private static native void invokeMain(Class<?> c, String[] args);

    /** The body of a started thread, on its own OS thread (`runtime/src/thread.rs`). */
    static void runThread(Thread t) {
        t.roastRun();
    }

    /** Prints an uncaught exception like HotSpot's default handler. */
    static void uncaught(Throwable t) {
        Thread.currentThread().dispatchUncaughtException(t);
    }

    /** Runs the shutdown sequence (hooks) after main returns. */
    static void shutdown() {
        Shutdown.shutdown();
    }
}
