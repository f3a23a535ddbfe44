import java.util.function.Supplier;

/** Uses a JDK class outside the modules roast compiles. */
public class UsesAbsent implements Supplier<String> {
    @Override
    public String get() {
        return "distance " + new java.awt.geom.Point2D.Double(3, 4).distance(0, 0);
    }
}
