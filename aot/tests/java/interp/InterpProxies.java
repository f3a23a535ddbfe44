// Interpret-program mode: annotation types and interfaces of the program are interpreted, so
// their proxies (annotation instances, Proxy.newProxyInstance) are classes the runtime
// synthesizes while the program runs.
import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;

public class InterpProxies {
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    @interface Tag {
        String name();
        int weight() default 1;
        String[] aliases() default {};
    }

    interface Shape {
        double area();
        String describe(String prefix) throws java.io.IOException;
    }

    @Tag(name = "holder", aliases = {"h", "hold"})
    static class Holder {
        @Tag(name = "alpha", weight = 3) public void alpha() {}
        @Tag(name = "beta") public void beta() {}
        @Tag(name = "alpha", weight = 3) public void gamma() {}
        public void plain() {}
    }

    public static void main(String[] args) throws Exception {
        List<String> lines = new ArrayList<>();
        Method[] methods = Holder.class.getDeclaredMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method m : methods) {
            Tag t = m.getAnnotation(Tag.class);
            lines.add(m.getName() + " -> " + (t == null ? "none" : t.name() + "/" + t.weight() + "/" + t.aliases().length));
        }
        lines.forEach(System.out::println);
        Tag a = Holder.class.getMethod("alpha").getAnnotation(Tag.class);
        Tag g = Holder.class.getMethod("gamma").getAnnotation(Tag.class);
        Tag b = Holder.class.getMethod("beta").getAnnotation(Tag.class);
        System.out.println("equal annotations: " + a.equals(g) + " " + (a.hashCode() == g.hashCode()) + " " + a.equals(b));
        System.out.println("annotation type: " + a.annotationType().getSimpleName());
        Tag onClass = Holder.class.getAnnotation(Tag.class);
        System.out.println("class tag: " + onClass.name() + " " + Arrays.toString(onClass.aliases()));

        InvocationHandler handler = (proxy, method, margs) -> {
            switch (method.getName()) {
                case "area": return 12.5;
                case "describe":
                    if ("io".equals(margs[0])) throw new java.io.IOException("declared");
                    if ("bad".equals(margs[0])) throw new Exception("undeclared");
                    return margs[0] + ":shape";
                case "hashCode": return 42;
                case "equals": return proxy == margs[0];
                case "toString": return "ShapeProxy";
                default: throw new UnsupportedOperationException(method.getName());
            }
        };
        Shape s = (Shape) Proxy.newProxyInstance(InterpProxies.class.getClassLoader(), new Class<?>[] {Shape.class}, handler);
        System.out.println(s.area() + " " + s.describe("x") + " " + s.hashCode() + " " + s + " " + s.equals(s) + " " + s.equals("other"));
        try {
            s.describe("io");
        } catch (java.io.IOException e) {
            System.out.println("IOException: " + e.getMessage());
        }
        try {
            s.describe("bad");
        } catch (UndeclaredThrowableException e) {
            System.out.println("UndeclaredThrowableException: " + e.getCause().getMessage());
        }
        System.out.println("is proxy: " + Proxy.isProxyClass(s.getClass()));
    }
}
