/** Providers that break the ServiceLoader contract in different ways. */
public class Faulty {
    public static class NotSubImpl {}

    public static class NoCtorImpl implements InterpJars.NoCtor {
        public NoCtorImpl(int x) {}
    }

    public static class ThrowsImpl implements InterpJars.Throws {
        public ThrowsImpl() { throw new IllegalStateException("provider refused"); }
    }
}
