import java.lang.reflect.Method;

/** A reflective call of a JDK method the program never calls directly (roast prunes it). */
public class PrunedJdkMethod {
    public static void main(String[] args) throws Exception {
        Method m = Integer.class.getMethod("remainderUnsigned", int.class, int.class);
        System.out.println("found " + m);
        try {
            System.out.println("result " + m.invoke(null, 17, 5));
        } catch (UnsupportedOperationException e) {
            System.out.println(e.getMessage());
        }
    }
}
