@InterpIsolation.Tag(value = "counter", rank = 2, level = InterpIsolation.Level.HIGH, kind = String.class, aliases = {"a", "b"})
@InterpIsolation.Family("plugins")
@InterpIsolation.Invisible
public class PluginCounter implements InterpIsolation.Counter {
    private static int total;
    private static final String ORIGIN;

    static {
        ORIGIN = PluginCounter.class.getClassLoader().getName();
        InterpIsolation.event("PluginCounter initialized by " + ORIGIN);
    }

    @InterpIsolation.Tag("mine")
    protected int mine;

    public static final String PLAIN = "plain";

    @InterpIsolation.Tag(value = "constructor", rank = 1)
    public PluginCounter() {}

    @InterpIsolation.Nested(tag = @InterpIsolation.Tag("inner"), big = 12345678901L, letter = 'q', levels = {InterpIsolation.Level.LOW, InterpIsolation.Level.HIGH})
    public int bump() {
        mine++;
        return ++total;
    }

    @Override
    @Deprecated
    public int total() { return total; }

    public String origin() { return ORIGIN; }

    public void take(@InterpIsolation.Tag("first") String s, int plain, @InterpIsolation.Tag(value = "third", level = InterpIsolation.Level.MID) long l) {}

    public static Class<?> find(String name) throws ClassNotFoundException {
        return Class.forName(name);
    }
}
