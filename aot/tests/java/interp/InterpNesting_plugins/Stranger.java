package nestp;

/** A top-level class of the same package: not a nestmate of Outer. */
public class Stranger {
    public static int peek(Outer o) throws Exception {
        return Outer.class.getDeclaredField("secret").getInt(o);
    }
}
