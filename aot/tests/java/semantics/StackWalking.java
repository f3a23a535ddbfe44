// Stack walks and traces: lambda frames are hidden, StackWalker sees the program's frames
// with line numbers and (with RETAIN_CLASS_REFERENCE) classes, getCallerClass finds the
// caller's caller.
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

public class StackWalking {
    static String mine(StackTraceElement[] st) {
        return java.util.Arrays.stream(st)
                .filter(e -> e.getClassName().startsWith("StackWalking"))
                .map(e -> e.getMethodName() + ":" + e.getLineNumber())
                .collect(Collectors.joining(" "));
    }

    static String walk() {
        return StackWalker.getInstance().walk(s ->
                s.filter(f -> f.getClassName().startsWith("StackWalking"))
                 .map(f -> f.getMethodName() + ":" + f.getLineNumber())
                 .collect(Collectors.joining(" ")));
    }

    static class Inner {
        static Class<?> caller() {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
        }
    }

    public static void main(String[] args) {
        Supplier<String> viaLambda = () -> mine(new Throwable().getStackTrace());
        System.out.println("lambda trace: " + viaLambda.get());
        Supplier<String> walked = StackWalking::walk;
        System.out.println("walk: " + walked.get());
        System.out.println("caller: " + Inner.caller().getName());
        List<String> classes = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.limit(1).map(f -> f.getDeclaringClass().getName()).collect(Collectors.toList()));
        System.out.println("top class: " + classes);
        try {
            StackWalker.getInstance().walk(s -> s.findFirst().get().getDeclaringClass());
        } catch (UnsupportedOperationException e) {
            System.out.println("no class access: " + e.getClass().getSimpleName());
        }
        try {
            StackWalker.getInstance().getCallerClass();
        } catch (UnsupportedOperationException e) {
            System.out.println("getCallerClass: " + e.getMessage());
        }
        StackWalker.getInstance().forEach(f -> {
            if (f.getClassName().equals("StackWalking")) System.out.println("forEach " + f.getMethodName() + " bci>=0 " + (f.getByteCodeIndex() >= 0));
        });
        System.out.println("thread: " + mine(Thread.currentThread().getStackTrace()));
    }
}
