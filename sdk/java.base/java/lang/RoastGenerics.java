/*
 * roast SDK: the generic signature of a class (JVMS 4.7.9.1 ClassSignature) as
 * java.lang.reflect.Type objects, for Class.getTypeParameters, getGenericSuperclass,
 * getGenericInterfaces and toGenericString. It replaces HotSpot's sun.reflect.generics
 * machinery (parser, visitor-based reifier, factories), which reaches class loading.
 *
 * Results follow the JDK's: class types without type arguments are Class objects; nested
 * parameterized types get the same owner types; toString/equals/hashCode of the type objects
 * behave like the JDK's implementations. Parts are reified lazily (type parameter bounds on
 * getBounds, the superclass and interfaces separately), so a class named in one part that is
 * not in the program (TypeNotPresentException) does not affect the others.
 *
 * Limitation: type variables declared by an enclosing generic method (local classes) are
 * known by name only; their bounds and declaration need method metadata (not supported yet).
 */
package java.lang;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.GenericDeclaration;
import java.lang.reflect.GenericSignatureFormatError;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;

final class RoastGenerics {
    /** Marker of a class without a Signature attribute. */
    static final RoastGenerics NONE = new RoastGenerics(null, "");

    private static final Type[] NO_TYPES = new Type[0];

    private final Class<?> owner;
    private final String signature;
    /** Index of the superclass signature (after the type parameters). */
    private int bodyStart;
    final TypeVariable<?>[] typeParameters;
    private Type superclass;
    private Type[] interfaces;

    private RoastGenerics(Class<?> owner, String signature) {
        this.owner = owner;
        this.signature = signature;
        this.typeParameters = owner == null ? new TypeVariable<?>[0] : parseTypeParameters();
    }

    /** The generic information of {@code owner} from its class signature. */
    static RoastGenerics parseClass(Class<?> owner, String signature) {
        return new RoastGenerics(owner, signature);
    }

    /** The generic superclass (reified on first use). */
    Type superclass() {
        Type s = superclass;
        if (s == null) {
            s = new Parser(this, bodyStart, true).referenceType();
            superclass = s;
        }
        return s;
    }

    /** The generic superinterfaces (reified on first use); callers must not modify. */
    Type[] interfaces() {
        Type[] r = interfaces;
        if (r == null) {
            Parser p = new Parser(this, bodyStart, false);
            p.referenceType();
            p.resolve = true;
            ArrayList<Type> list = new ArrayList<>();
            while (!p.atEnd()) {
                list.add(p.referenceType());
            }
            r = types(list);
            interfaces = r;
        }
        return r;
    }

    private TypeVariable<?>[] parseTypeParameters() {
        Parser p = new Parser(this, 0, false);
        ArrayList<TypeVariable<?>> vars = new ArrayList<>();
        if (p.peek() == '<') {
            p.advance();
            do {
                String name = p.identifier();
                vars.add(new Var(this, name, p.pos));
                p.bounds();
            } while (p.peek() != '>');
            p.advance();
        }
        bodyStart = p.pos;
        TypeVariable<?>[] result = new TypeVariable<?>[vars.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = vars.get(i);
        }
        return result;
    }

    private Type[] boundsAt(int pos) {
        return new Parser(this, pos, true).bounds();
    }

    /** The type variable {@code name} in scope of the class: its own, then enclosing classes'. */
    private TypeVariable<?> lookup(String name) {
        for (TypeVariable<?> v : typeParameters) {
            if (v.getName().equals(name)) {
                return v;
            }
        }
        Class<?> c = owner;
        while ((c = enclosingOf(c)) != null) {
            for (TypeVariable<?> v : c.getTypeParameters()) {
                if (v.getName().equals(name)) {
                    return v;
                }
            }
        }
        return new Var(null, name, -1);
    }

    private static Class<?> enclosingOf(Class<?> c) {
        try {
            return c.getEnclosingClass();
        } catch (LinkageError e) {
            return null;
        }
    }

    private static Type[] types(ArrayList<Type> list) {
        Type[] result = new Type[list.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = list.get(i);
        }
        return result;
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: reflection (" + what + ") is not supported yet");
    }

    private static String join(Type[] types, String separator) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(types[i].getTypeName());
        }
        return sb.toString();
    }

    /** A recursive-descent reader of signature text; reifies types when {@code resolve}. */
    private static final class Parser {
        private final RoastGenerics home;
        private final String s;
        int pos;
        boolean resolve;

        Parser(RoastGenerics home, int pos, boolean resolve) {
            this.home = home;
            this.s = home.signature;
            this.pos = pos;
            this.resolve = resolve;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        char peek() {
            if (atEnd()) {
                throw error();
            }
            return s.charAt(pos);
        }

        void advance() {
            pos++;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error();
            }
            pos++;
        }

        private GenericSignatureFormatError error() {
            return new GenericSignatureFormatError("Signature Parse error: " + s + " at " + pos);
        }

        String identifier() {
            int start = pos;
            while (!atEnd() && ";<>:./[".indexOf(s.charAt(pos)) < 0) {
                pos++;
            }
            if (pos == start) {
                throw error();
            }
            return s.substring(start, pos);
        }

        /** ClassBound {InterfaceBound}, at the first ':'. */
        Type[] bounds() {
            ArrayList<Type> list = new ArrayList<>();
            expect(':');
            char c = peek();
            if (c != ':') {
                list.add(referenceType());
            }
            while (!atEnd() && peek() == ':') {
                advance();
                list.add(referenceType());
            }
            return types(list);
        }

        Type referenceType() {
            switch (peek()) {
                case 'L': return classType();
                case 'T': return typeVariable();
                case '[': return arrayType();
                default: throw error();
            }
        }

        private Type typeVariable() {
            expect('T');
            String name = identifier();
            expect(';');
            return resolve ? home.lookup(name) : null;
        }

        private Type arrayType() {
            expect('[');
            Type component;
            char c = peek();
            if ("ZBCSIJFD".indexOf(c) >= 0) {
                advance();
                component = resolve ? primitive(c) : null;
            } else {
                component = referenceType();
            }
            if (!resolve) {
                return null;
            }
            if (component instanceof Class<?> cc) {
                return cc.arrayType();
            }
            return new GenericArray(component);
        }

        private static Class<?> primitive(char c) {
            switch (c) {
                case 'Z': return boolean.class;
                case 'B': return byte.class;
                case 'C': return char.class;
                case 'S': return short.class;
                case 'I': return int.class;
                case 'J': return long.class;
                case 'F': return float.class;
                default: return double.class;
            }
        }

        /** ClassTypeSignature, reified like the JDK's Reifier (owner types for nesting). */
        private Type classType() {
            expect('L');
            StringBuilder name = new StringBuilder();
            int start = pos;
            while (";<.".indexOf(peek()) < 0) {
                advance();
            }
            name.append(s, start, pos);
            Type[] args = typeArguments();
            Type result = args.length > 0 ? parameterized(name, args, null) : null;
            while (peek() == '.') {
                advance();
                name.append('$').append(identifier());
                args = typeArguments();
                if (result != null || args.length > 0) {
                    result = parameterized(name, args, result);
                }
            }
            expect(';');
            return result != null ? result : named(name);
        }

        private Type parameterized(StringBuilder name, Type[] args, Type owner) {
            return resolve ? new Parameterized(named(name), args, owner) : null;
        }

        private Class<?> named(StringBuilder internalName) {
            if (!resolve) {
                return null;
            }
            String binary = internalName.toString().replace('/', '.');
            // Through the owner's defining loader when it was defined at run time.
            ClassLoader loader = home.owner == null ? null : home.owner.getClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(binary, false, loader);
                } catch (ClassNotFoundException e) {
                    throw new TypeNotPresentException(binary, e);
                }
            }
            Class<?> c = Class.findCompiled0(binary);
            if (c == null) {
                throw new TypeNotPresentException(binary, new ClassNotFoundException(binary));
            }
            return c;
        }

        private Type[] typeArguments() {
            if (peek() != '<') {
                return NO_TYPES;
            }
            advance();
            ArrayList<Type> list = new ArrayList<>();
            do {
                list.add(typeArgument());
            } while (peek() != '>');
            advance();
            return types(list);
        }

        private Type typeArgument() {
            char c = peek();
            if (c == '*') {
                advance();
                return resolve ? new Wildcard(new Type[] {Object.class}, NO_TYPES) : null;
            }
            if (c == '+' || c == '-') {
                advance();
                Type bound = referenceType();
                if (!resolve) {
                    return null;
                }
                return c == '+' ? new Wildcard(new Type[] {bound}, NO_TYPES)
                        : new Wildcard(new Type[] {Object.class}, new Type[] {bound});
            }
            return referenceType();
        }
    }

    /** A type variable declared by a class (or, with no home, by an enclosing method). */
    static final class Var implements TypeVariable<GenericDeclaration> {
        private final RoastGenerics home;
        private final String name;
        private final int boundsAt;
        private volatile Type[] bounds;

        Var(RoastGenerics home, String name, int boundsAt) {
            this.home = home;
            this.name = name;
            this.boundsAt = boundsAt;
        }

        public Type[] getBounds() {
            if (home == null) {
                throw unsupported("bounds of method type variable " + name);
            }
            Type[] b = bounds;
            if (b == null) {
                b = home.boundsAt(boundsAt);
                bounds = b;
            }
            return b.clone();
        }

        public GenericDeclaration getGenericDeclaration() {
            if (home == null) {
                throw unsupported("declaration of method type variable " + name);
            }
            return home.owner;
        }

        public String getName() {
            return name;
        }

        public AnnotatedType[] getAnnotatedBounds() {
            throw unsupported("TypeVariable.getAnnotatedBounds");
        }

        public <T extends Annotation> T getAnnotation(Class<T> annotationClass) {
            throw unsupported("TypeVariable.getAnnotation");
        }

        public Annotation[] getAnnotations() {
            throw unsupported("TypeVariable.getAnnotations");
        }

        public Annotation[] getDeclaredAnnotations() {
            throw unsupported("TypeVariable.getDeclaredAnnotations");
        }

        private Object declaration() {
            return home == null ? null : home.owner;
        }

        public boolean equals(Object o) {
            return o instanceof Var v && name.equals(v.name) && declaration() == v.declaration();
        }

        public int hashCode() {
            return Objects.hashCode(declaration()) ^ name.hashCode();
        }

        public String toString() {
            return name;
        }
    }

    /** A parameterized type; the owner defaults to the raw type's declaring class. */
    static final class Parameterized implements ParameterizedType {
        private final Class<?> raw;
        private final Type[] args;
        private final Type owner;

        Parameterized(Class<?> raw, Type[] args, Type owner) {
            this.raw = raw;
            this.args = args;
            this.owner = owner;
        }

        public Type[] getActualTypeArguments() {
            return args.clone();
        }

        public Type getRawType() {
            return raw;
        }

        public Type getOwnerType() {
            return owner != null ? owner : raw.getDeclaringClass();
        }

        public boolean equals(Object o) {
            if (!(o instanceof ParameterizedType that)) {
                return false;
            }
            return this == that || (Objects.equals(getOwnerType(), that.getOwnerType())
                    && Objects.equals(raw, that.getRawType())
                    && Arrays.equals(args, that.getActualTypeArguments()));
        }

        public int hashCode() {
            return Arrays.hashCode(args) ^ Objects.hashCode(getOwnerType()) ^ Objects.hashCode(raw);
        }

        public String toString() {
            StringBuilder sb = new StringBuilder();
            Type ownerType = getOwnerType();
            if (ownerType != null) {
                sb.append(ownerType.getTypeName()).append('$');
                if (ownerType instanceof Parameterized p) {
                    sb.append(raw.getName().replace(p.raw.getName() + "$", ""));
                } else {
                    sb.append(raw.getSimpleName());
                }
            } else {
                sb.append(raw.getName());
            }
            if (args.length > 0) {
                sb.append('<').append(join(args, ", ")).append('>');
            }
            return sb.toString();
        }
    }

    /** A wildcard type argument. */
    static final class Wildcard implements WildcardType {
        private final Type[] upper;
        private final Type[] lower;

        Wildcard(Type[] upper, Type[] lower) {
            this.upper = upper;
            this.lower = lower;
        }

        public Type[] getUpperBounds() {
            return upper.clone();
        }

        public Type[] getLowerBounds() {
            return lower.clone();
        }

        public boolean equals(Object o) {
            return o instanceof WildcardType that && Arrays.equals(lower, that.getLowerBounds())
                    && Arrays.equals(upper, that.getUpperBounds());
        }

        public int hashCode() {
            return Arrays.hashCode(lower) ^ Arrays.hashCode(upper);
        }

        public String toString() {
            if (lower.length > 0) {
                return "? super " + join(lower, " & ");
            }
            if (upper.length > 0 && !upper[0].equals(Object.class)) {
                return "? extends " + join(upper, " & ");
            }
            return "?";
        }
    }

    /** An array of a type variable or parameterized type. */
    static final class GenericArray implements GenericArrayType {
        private final Type component;

        GenericArray(Type component) {
            this.component = component;
        }

        public Type getGenericComponentType() {
            return component;
        }

        public boolean equals(Object o) {
            return o instanceof GenericArrayType that && Objects.equals(component, that.getGenericComponentType());
        }

        public int hashCode() {
            return Objects.hashCode(component);
        }

        public String toString() {
            return component.getTypeName() + "[]";
        }
    }
}
