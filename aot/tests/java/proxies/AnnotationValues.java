// Runtime-visible annotations: every element type and its toString form, defaults,
// equality and hash codes across elements, meta-annotations on annotation types, @Inherited
// over several levels, @Repeatable on classes and methods, parameter/field/enum-constant
// annotations, JDK annotation types (@Deprecated, @FunctionalInterface) on program code.
import java.lang.annotation.*;
import java.lang.reflect.*;
import java.util.*;

public class AnnotationValues {
    enum Color { RED, GREEN }

    @Retention(RetentionPolicy.RUNTIME) @interface Nested { String value() default "n"; }

    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD})
    @Documented
    @interface All {
        byte b() default 1;
        char c() default 'c';
        short s() default 2;
        int i() default 3;
        long j() default 4L;
        float f() default 5.5f;
        double d() default 6.25;
        boolean z() default true;
        String str() default "q\"uote\n\u00e9";
        Class<?> cls() default int.class;
        Class<?>[] classes() default {String[].class, void.class, Map.Entry.class};
        Color color() default Color.GREEN;
        Color[] colors() default {};
        Nested nested() default @Nested;
        Nested[] nesteds() default {@Nested("a"), @Nested("b")};
        int[] ints() default {1, 2, 3};
        long[] longs() default {Long.MAX_VALUE};
        char[] chars() default {'x', '\''};
        float[] floats() default {Float.NaN, 1e10f};
        double[] doubles() default {Double.POSITIVE_INFINITY};
        boolean[] bools() default {false};
        byte[] bytes() default {-1};
        short[] shorts() default {-2};
        String[] strs() default {"", "two"};
    }

    @Retention(RetentionPolicy.RUNTIME) @Inherited @interface Inh { int value(); }
    @Retention(RetentionPolicy.RUNTIME) @Repeatable(Tags.class) @interface Tag { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @interface Tags { Tag[] value(); }
    @Retention(RetentionPolicy.RUNTIME) @interface Mark {}

    @All(i = 30, str = "set", colors = {Color.RED, Color.GREEN}, cls = AnnotationValues.class, nested = @Nested("deep"))
    @Inh(1)
    @Tag("one")
    static class Base {
        @All @Tag("f1") @Tag("f2") public int field;
        @Mark @Deprecated public void old(@Mark int a, int b, @Tag("p") @Mark String c) {}
    }

    static class Middle extends Base {}

    @Tag("x") @Tag("y")
    static class Leaf extends Middle {}

    @Inh(2) static class Override extends Base {}

    @FunctionalInterface interface Fn { void run(); }

    enum Planet { @Mark EARTH, MARS }

    @All
    static class Defaults {}

    @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD}) @interface Comp { String value(); }
    @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.RECORD_COMPONENT) @interface OnlyComp {}

    @Mark record Point(@Comp("x-axis") @OnlyComp int x, @Comp("y-axis") int y, int z) {}

    static class WithCtor {
        @Mark WithCtor(@Tag("ctor") String s) {}
    }

    static String names(Annotation[] as) {
        List<String> out = new ArrayList<>();
        for (Annotation a : as) out.add(a.annotationType().getSimpleName());
        Collections.sort(out);
        return out.toString();
    }

    public static void main(String[] args) throws Exception {
        All set = Base.class.getAnnotation(All.class);
        All defaults = Defaults.class.getAnnotation(All.class);
        System.out.println(set.i() + " " + set.str() + " " + Arrays.toString(set.colors()) + " " + set.cls().getSimpleName() + " " + set.nested().value());
        System.out.println(defaults.b() + " " + defaults.c() + " " + defaults.s() + " " + defaults.j() + " " + defaults.f() + " " + defaults.d()
                + " " + defaults.z() + " " + defaults.str() + " " + defaults.cls() + " " + Arrays.toString(defaults.classes()) + " " + defaults.color());
        System.out.println(Arrays.toString(defaults.floats()) + " " + Arrays.toString(defaults.chars()) + " " + defaults.nesteds().length);
        System.out.println(defaults);
        All field = Base.class.getField("field").getAnnotation(All.class);
        System.out.println("equal defaults: " + field.equals(defaults) + " " + (field.hashCode() == defaults.hashCode()) + " set differs: " + set.equals(defaults)
                + " self: " + set.equals(set) + " non-annotation: " + set.equals("x"));
        int[] ints = defaults.ints();
        ints[0] = 99;
        System.out.println("arrays are copies: " + defaults.ints()[0]);

        System.out.println("meta on All: " + names(All.class.getAnnotations()) + " retention " + All.class.getAnnotation(Retention.class).value()
                + " target " + Arrays.toString(All.class.getAnnotation(Target.class).value()));
        System.out.println("Tag repeatable container: " + Tag.class.getAnnotation(Repeatable.class).value().getSimpleName());

        System.out.println("Leaf inherits: " + Leaf.class.getAnnotation(Inh.class).value() + " " + names(Leaf.class.getAnnotations())
                + " declared " + names(Leaf.class.getDeclaredAnnotations()));
        System.out.println("Middle: " + names(Middle.class.getAnnotations()) + " declared " + Middle.class.getDeclaredAnnotations().length);
        System.out.println("Override: " + Override.class.getAnnotation(Inh.class).value());
        System.out.println("Leaf tags: " + Arrays.toString(Leaf.class.getAnnotationsByType(Tag.class)) + " | Middle tags: "
                + Arrays.toString(Middle.class.getAnnotationsByType(Tag.class)) + " | declared on Middle: "
                + Middle.class.getDeclaredAnnotationsByType(Tag.class).length);
        Field f = Base.class.getField("field");
        System.out.println("field tags: " + Arrays.toString(f.getAnnotationsByType(Tag.class)) + " " + f.getAnnotation(Tags.class));

        Method old = Base.class.getMethod("old", int.class, int.class, String.class);
        System.out.println("method: " + names(old.getAnnotations()) + " " + old.getAnnotation(Deprecated.class));
        for (Annotation[] ps : old.getParameterAnnotations()) System.out.print(ps.length + ":" + names(ps) + " ");
        System.out.println();

        System.out.println("functional: " + Fn.class.isAnnotationPresent(FunctionalInterface.class) + " "
                + Fn.class.getAnnotation(FunctionalInterface.class));
        System.out.println("enum constant: " + Planet.class.getField("EARTH").isAnnotationPresent(Mark.class) + " "
                + Planet.class.getField("MARS").isAnnotationPresent(Mark.class));
        System.out.println("default value: " + All.class.getMethod("str").getDefaultValue() + " " + All.class.getMethod("nested").getDefaultValue()
                + " " + Inh.class.getMethod("value").getDefaultValue());
        for (RecordComponent rc : Point.class.getRecordComponents()) {
            System.out.println("component " + rc.getName() + " " + names(rc.getAnnotations()) + " " + rc.getAnnotation(Comp.class)
                    + " field " + names(Point.class.getDeclaredField(rc.getName()).getAnnotations()));
        }
        Constructor<?> ctor = WithCtor.class.getDeclaredConstructor(String.class);
        System.out.println("constructor: " + names(ctor.getAnnotations()) + " " + Arrays.deepToString(ctor.getParameterAnnotations())
                + " record " + names(Point.class.getAnnotations()));
        System.out.println("annotation type: " + set.annotationType() + " " + All.class.isAnnotation() + " " + Mark.class.isInterface()
                + " proxy " + Proxy.isProxyClass(set.getClass()));
    }
}
