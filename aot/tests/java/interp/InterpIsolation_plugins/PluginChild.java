public class PluginChild extends PluginCounter {
    @InterpIsolation.Tag(value = "override", rank = -1, kind = int[].class)
    @Override
    public int bump() { return super.bump() + 100; }
}
