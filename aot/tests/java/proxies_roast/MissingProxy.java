// An interface list the compiler cannot see (the interface is only named by a string):
// roast has no proxy class for it and must say so instead of misbehaving.
import java.lang.reflect.Proxy;

public class MissingProxy {
    public interface Lonely { void call(); }

    public static void main(String[] args) throws Exception {
        Class<?> lonely = Class.forName("MissingProxy$Lonely");
        try {
            Proxy.newProxyInstance(MissingProxy.class.getClassLoader(), new Class<?>[] {lonely}, (p, m, a) -> null);
            System.out.println("created");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }
    }
}
