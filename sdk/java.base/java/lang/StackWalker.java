/*
 * roast SDK shadow of java.lang.StackWalker.
 *
 * HotSpot walks the stack through StackStreamFactory and VM natives that fill frame buffers
 * in batches. roast's compiled code keeps a chain of frame records; a walk captures it once
 * (the way Throwable.fillInStackTrace does) and streams over the captured frames. Frames of
 * StackWalker itself are left out, like HotSpot's; so are frames of hidden classes (always:
 * SHOW_HIDDEN_FRAMES has no hidden frames to add) and, unless SHOW_REFLECT_FRAMES is given,
 * frames of the reflection machinery. The public API is the JDK's.
 */
package java.lang;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

public final class StackWalker {

    /** A frame of a walk (see the JDK's StackWalker.StackFrame). */
    public interface StackFrame {
        String getClassName();

        String getMethodName();

        Class<?> getDeclaringClass();

        default java.lang.invoke.MethodType getMethodType() {
            throw new UnsupportedOperationException("roast: StackFrame.getMethodType is not supported yet");
        }

        default String getDescriptor() {
            throw new UnsupportedOperationException();
        }

        int getByteCodeIndex();

        String getFileName();

        int getLineNumber();

        boolean isNativeMethod();

        StackTraceElement toStackTraceElement();
    }

    /** Stack walker options. */
    public enum Option {
        RETAIN_CLASS_REFERENCE,
        SHOW_REFLECT_FRAMES,
        SHOW_HIDDEN_FRAMES;
    }

    /** The JDK's internal option for LiveStackFrame (locals and operands): not supported. */
    enum ExtendedOption {
        LOCALS_AND_OPERANDS
    }

    static final EnumSet<Option> DEFAULT_EMPTY_OPTION = EnumSet.noneOf(Option.class);

    private static final StackWalker DEFAULT_WALKER = new StackWalker(DEFAULT_EMPTY_OPTION);

    private final Set<Option> options;
    private final int estimateDepth;
    final boolean retainClassRef;

    public static StackWalker getInstance() {
        return DEFAULT_WALKER;
    }

    public static StackWalker getInstance(Option option) {
        return new StackWalker(EnumSet.of(Objects.requireNonNull(option)));
    }

    public static StackWalker getInstance(Set<Option> options) {
        if (options.isEmpty()) {
            return DEFAULT_WALKER;
        }
        return new StackWalker(toEnumSet(options));
    }

    public static StackWalker getInstance(Set<Option> options, int estimateDepth) {
        if (estimateDepth <= 0) {
            throw new IllegalArgumentException("estimateDepth must be > 0");
        }
        return new StackWalker(toEnumSet(options), estimateDepth);
    }

    private StackWalker(EnumSet<Option> options) {
        this(options, 0);
    }

    private StackWalker(EnumSet<Option> options, int estimateDepth) {
        this.options = options;
        this.estimateDepth = estimateDepth;
        this.retainClassRef = options.contains(Option.RETAIN_CLASS_REFERENCE);
    }

    private static EnumSet<Option> toEnumSet(Set<Option> options) {
        Objects.requireNonNull(options);
        if (options.isEmpty()) {
            return DEFAULT_EMPTY_OPTION;
        }
        return EnumSet.copyOf(options);
    }

    public <T> T walk(Function<? super Stream<StackFrame>, ? extends T> function) {
        Objects.requireNonNull(function);
        List<StackFrame> frames = capture();
        return function.apply(frames.stream());
    }

    public void forEach(Consumer<? super StackFrame> action) {
        Objects.requireNonNull(action);
        for (StackFrame f : capture()) {
            action.accept(f);
        }
    }

    public Class<?> getCallerClass() {
        if (!retainClassRef) {
            throw new UnsupportedOperationException(
                    "This stack walker does not have RETAIN_CLASS_REFERENCE access");
        }
        List<StackFrame> frames = capture();
        // frames[0] is the method that called getCallerClass; its caller is next.
        if (frames.size() < 2) {
            throw new IllegalCallerException("no caller frame");
        }
        return frames.get(1).getDeclaringClass();
    }

    static StackWalker newInstance(Set<Option> options, ExtendedOption extendedOption) {
        throw new UnsupportedOperationException(
                "roast: stack frames with locals and operands are not supported yet");
    }

    int estimateDepth() {
        return estimateDepth;
    }

    boolean hasOption(Option option) {
        return options.contains(option);
    }

    boolean hasLocalsOperandsOption() {
        return false;
    }

    /** The frames of the current thread, from the caller of the StackWalker method on. */
    private List<StackFrame> capture() {
        Throwable t = new Throwable();
        StackTraceElement[] elements = t.getStackTrace();
        Class<?>[] classes = new Class<?>[elements.length];
        int[] bcis = new int[elements.length];
        String[] descriptors = new String[elements.length];
        roastFrameInfo(t, classes, bcis, descriptors);
        List<StackFrame> frames = new ArrayList<>(elements.length);
        boolean leading = true;
        for (int i = 0; i < elements.length; i++) {
            if (leading && classes[i] == StackWalker.class) {
                continue;
            }
            leading = false;
            if (!options.contains(Option.SHOW_REFLECT_FRAMES) && isReflectionFrame(classes[i], elements[i])) {
                continue;
            }
            frames.add(new Frame(this, elements[i], classes[i], bcis[i], descriptors[i]));
        }
        return Collections.unmodifiableList(frames);
    }

    private static boolean isReflectionFrame(Class<?> c, StackTraceElement e) {
        String n = e.getClassName();
        if (n.startsWith("jdk.internal.reflect.")) {
            return true;
        }
        return (c == java.lang.reflect.Method.class && e.getMethodName().equals("invoke"))
                || (c == java.lang.reflect.Constructor.class && e.getMethodName().equals("newInstance"));
    }

    /** Fills, for the first frames of {@code t}'s backtrace, class, bytecode index and descriptor. */
    private static native void roastFrameInfo(Throwable t, Class<?>[] classes, int[] bcis, String[] descriptors);

    private static final class Frame implements StackFrame {
        private final StackWalker walker;
        private final StackTraceElement element;
        private final Class<?> declaringClass;
        private final int bci;
        private final String descriptor;

        Frame(StackWalker walker, StackTraceElement element, Class<?> declaringClass, int bci, String descriptor) {
            this.walker = walker;
            this.element = element;
            this.declaringClass = declaringClass;
            this.bci = bci;
            this.descriptor = descriptor;
        }

        @Override
        public String getClassName() {
            return element.getClassName();
        }

        @Override
        public String getMethodName() {
            return element.getMethodName();
        }

        @Override
        public Class<?> getDeclaringClass() {
            if (!walker.retainClassRef) {
                throw new UnsupportedOperationException("No access to RETAIN_CLASS_REFERENCE");
            }
            return declaringClass;
        }

        @Override
        public String getDescriptor() {
            return descriptor;
        }

        @Override
        public int getByteCodeIndex() {
            return isNativeMethod() ? -1 : bci;
        }

        @Override
        public String getFileName() {
            return element.getFileName();
        }

        @Override
        public int getLineNumber() {
            return element.getLineNumber();
        }

        @Override
        public boolean isNativeMethod() {
            return element.isNativeMethod();
        }

        @Override
        public StackTraceElement toStackTraceElement() {
            return element;
        }

        @Override
        public String toString() {
            return element.toString();
        }
    }
}
