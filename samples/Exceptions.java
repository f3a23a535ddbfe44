/** Custom exceptions, try/catch/finally, nesting, multi-catch, try-with-resources, causes. */
public class Exceptions {
    static class AppException extends Exception {
        AppException(String message, Throwable cause) { super(message, cause); }
    }

    static class ConfigException extends AppException {
        final String key;
        ConfigException(String key, Throwable cause) {
            super("bad config key '" + key + "'", cause);
            this.key = key;
        }
    }

    record Resource(String name, boolean failOnClose) implements AutoCloseable {
        Resource { System.out.println("open " + name); }

        @Override public void close() {
            System.out.println("close " + name);
            if (failOnClose) throw new IllegalStateException("close failed: " + name);
        }
    }

    static int parse(String key, String value) throws ConfigException {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException(key, e);
        }
    }

    static String finallyOrder() { // continue inside try still runs finally
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            try {
                if (i == 1) continue;
                sb.append("try").append(i).append(' ');
            } finally { sb.append("finally").append(i).append(' '); }
        }
        return sb.toString().trim();
    }

    public static void main(String[] args) {
        try {
            System.out.println("port = " + parse("port", "8080"));
            System.out.println("timeout = " + parse("timeout", "soon"));
        } catch (ConfigException e) {
            System.out.println("caught " + e.getClass().getSimpleName() + ": " + e.getMessage() + " [key=" + e.key + "]");
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                System.out.println("  caused by " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
        Object[] inputs = {"abc", null, new int[0], 42};
        for (Object in : inputs) {
            try {
                if (in instanceof int[] a) System.out.println(a[1]);
                else if (in instanceof Integer n) System.out.println("ok " + (n / (n - 42)));
                else System.out.println(((String) in).length() + " chars, then " + ((String) in).charAt(5));
            } catch (ArrayIndexOutOfBoundsException | StringIndexOutOfBoundsException e) {
                System.out.println("index problem: " + e.getMessage());
            } catch (NullPointerException | ArithmeticException e) {
                System.out.println(e.getClass().getSimpleName() + (e instanceof ArithmeticException ? ": " + e.getMessage() : ""));
            }
        }
        try (Resource a = new Resource("a", false); Resource b = new Resource("b", true)) {
            System.out.println("using " + a.name() + " and " + b.name());
            throw new UnsupportedOperationException("body failed");
        } catch (RuntimeException e) {
            System.out.println("caught " + e.getMessage() + ", suppressed " + e.getSuppressed().length + ": " + e.getSuppressed()[0].getMessage());
        } finally {
            System.out.println("outer finally");
        }
        try {
            try {
                throw new AppException("inner", null);
            } finally {
                System.out.println("inner finally runs first");
            }
        } catch (AppException e) {
            RuntimeException wrapped = new RuntimeException("wrapped", e);
            System.out.println(wrapped.getMessage() + " <- " + wrapped.getCause().getMessage());
        }
        System.out.println(finallyOrder());
    }
}
