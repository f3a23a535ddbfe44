/*
 * roast SDK replacement for java.lang.invoke.MethodHandles and MethodHandles.Lookup.
 *
 * java.base creates VarHandles in static initializers
 * (`MethodHandles.lookup().findVarHandle(C.class, "f", T.class)`); HotSpot's MethodHandles
 * answers through MemberName resolution, LambdaForms and class spinning, which drags about
 * 1300 methods of java.lang.invoke plus reflection, ASM and class loading into every program.
 * This shadow implements what VarHandles need:
 *
 *  - lookup() (caller-sensitive: the lookup class is Reflection.getCallerClass()),
 *    publicLookup(), privateLookupIn(), Lookup.in/dropLookupMode/lookupClass/lookupModes/
 *    toString and the access checks of field lookups (private members need the same nest,
 *    approximated by the top-level class name; package access compares package names;
 *    application code cannot look into the JDK's private members, as modules forbid);
 *  - Lookup.findVarHandle, findStaticVarHandle (initializes the declaring class, as JDK 17
 *    does), arrayElementVarHandle, byteArrayViewVarHandle, with field metadata from the
 *    runtime (RoastVarHandles natives).
 *
 * Everything about MethodHandles (findVirtual, findStatic, the combinators...) throws
 * UnsupportedOperationException("roast: ... is not supported yet"): loud, never wrong.
 */
package java.lang.invoke;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.List;
import jdk.internal.misc.Unsafe;
import jdk.internal.reflect.CallerSensitive;
import jdk.internal.reflect.Reflection;

public class MethodHandles {
    private MethodHandles() {}

    @CallerSensitive
    public static Lookup lookup() {
        return new Lookup(Reflection.getCallerClass(), null, Lookup.FULL_POWER_MODES);
    }

    public static Lookup publicLookup() {
        return new Lookup(Object.class, null, Lookup.UNCONDITIONAL);
    }

    public static Lookup privateLookupIn(Class<?> targetClass, Lookup caller) throws IllegalAccessException {
        if (targetClass.isPrimitive()) {
            throw new IllegalArgumentException(targetClass + " is a primitive class");
        }
        if (targetClass.isArray()) {
            throw new IllegalArgumentException(targetClass + " is an array class");
        }
        if ((caller.allowedModes & Lookup.MODULE) == 0) {
            throw new IllegalAccessException("caller does not have MODULE lookup mode");
        }
        if (RoastVarHandles.isJdkClass(targetClass) && !RoastVarHandles.isJdkClass(caller.lookupClass)) {
            throw new IllegalAccessException("module java.base does not open "
                    + targetClass.getPackageName() + " to unnamed module");
        }
        return new Lookup(targetClass, null, Lookup.FULL_POWER_MODES & ~Lookup.ORIGINAL);
    }

    public static VarHandle arrayElementVarHandle(Class<?> arrayClass) throws IllegalArgumentException {
        Class<?> component = RoastVarHandles.componentType(arrayClass);
        if (component == null) {
            throw new IllegalArgumentException("not an array: " + arrayClass.getName());
        }
        return new RoastArrayVarHandle(arrayClass, component, false);
    }

    public static VarHandle byteArrayViewVarHandle(Class<?> viewArrayClass, ByteOrder byteOrder)
            throws IllegalArgumentException {
        Class<?> component = RoastVarHandles.componentType(viewArrayClass);
        if (component == null) {
            throw new IllegalArgumentException("not an array: " + viewArrayClass.getName());
        }
        if (!RoastByteViewVarHandle.isViewType(RoastVarHandles.kindOf(component))) {
            throw new UnsupportedOperationException("Unsupported component type " + component.getName());
        }
        boolean big = byteOrder == ByteOrder.BIG_ENDIAN;
        return new RoastByteViewVarHandle(viewArrayClass, component, big, false);
    }

    public static VarHandle byteBufferViewVarHandle(Class<?> viewArrayClass, ByteOrder byteOrder) {
        throw unsupported("byteBufferViewVarHandle");
    }

    static UnsupportedOperationException unsupported(String name) {
        return RoastVarHandles.unsupported("MethodHandles." + name);
    }

    // Method handles are not supported yet.

    public static <T> T classData(Lookup caller, String name, Class<T> type) throws IllegalAccessException {
        throw unsupported("classData");
    }

    public static <T> T classDataAt(Lookup caller, String name, Class<T> type, int index)
            throws IllegalAccessException {
        throw unsupported("classDataAt");
    }

    public static <T extends Member> T reflectAs(Class<T> expected, MethodHandle target) {
        throw unsupported("reflectAs");
    }

    public static MethodHandle arrayConstructor(Class<?> arrayClass) {
        throw unsupported("arrayConstructor");
    }

    public static MethodHandle arrayLength(Class<?> arrayClass) {
        throw unsupported("arrayLength");
    }

    public static MethodHandle arrayElementGetter(Class<?> arrayClass) {
        throw unsupported("arrayElementGetter");
    }

    public static MethodHandle arrayElementSetter(Class<?> arrayClass) {
        throw unsupported("arrayElementSetter");
    }

    public static MethodHandle spreadInvoker(MethodType type, int leadingArgCount) {
        throw unsupported("spreadInvoker");
    }

    public static MethodHandle exactInvoker(MethodType type) {
        throw unsupported("exactInvoker");
    }

    public static MethodHandle invoker(MethodType type) {
        throw unsupported("invoker");
    }

    public static MethodHandle varHandleExactInvoker(VarHandle.AccessMode accessMode, MethodType type) {
        throw unsupported("varHandleExactInvoker");
    }

    public static MethodHandle varHandleInvoker(VarHandle.AccessMode accessMode, MethodType type) {
        throw unsupported("varHandleInvoker");
    }

    public static MethodHandle explicitCastArguments(MethodHandle target, MethodType newType) {
        throw unsupported("explicitCastArguments");
    }

    public static MethodHandle permuteArguments(MethodHandle target, MethodType newType, int... reorder) {
        throw unsupported("permuteArguments");
    }

    public static MethodHandle constant(Class<?> type, Object value) {
        throw unsupported("constant");
    }

    public static MethodHandle identity(Class<?> type) {
        throw unsupported("identity");
    }

    public static MethodHandle zero(Class<?> type) {
        throw unsupported("zero");
    }

    public static MethodHandle empty(MethodType type) {
        throw unsupported("empty");
    }

    public static MethodHandle insertArguments(MethodHandle target, int pos, Object... values) {
        throw unsupported("insertArguments");
    }

    public static MethodHandle dropArguments(MethodHandle target, int pos, List<Class<?>> valueTypes) {
        throw unsupported("dropArguments");
    }

    public static MethodHandle dropArguments(MethodHandle target, int pos, Class<?>... valueTypes) {
        throw unsupported("dropArguments");
    }

    public static MethodHandle dropArgumentsToMatch(MethodHandle target, int skip, List<Class<?>> newTypes, int pos) {
        throw unsupported("dropArgumentsToMatch");
    }

    public static MethodHandle dropReturn(MethodHandle target) {
        throw unsupported("dropReturn");
    }

    public static MethodHandle filterArguments(MethodHandle target, int pos, MethodHandle... filters) {
        throw unsupported("filterArguments");
    }

    public static MethodHandle collectArguments(MethodHandle target, int pos, MethodHandle filter) {
        throw unsupported("collectArguments");
    }

    public static MethodHandle filterReturnValue(MethodHandle target, MethodHandle filter) {
        throw unsupported("filterReturnValue");
    }

    public static MethodHandle foldArguments(MethodHandle target, MethodHandle combiner) {
        throw unsupported("foldArguments");
    }

    public static MethodHandle foldArguments(MethodHandle target, int pos, MethodHandle combiner) {
        throw unsupported("foldArguments");
    }

    public static MethodHandle guardWithTest(MethodHandle test, MethodHandle target, MethodHandle fallback) {
        throw unsupported("guardWithTest");
    }

    public static MethodHandle catchException(MethodHandle target, Class<? extends Throwable> exType,
            MethodHandle handler) {
        throw unsupported("catchException");
    }

    public static MethodHandle throwException(Class<?> returnType, Class<? extends Throwable> exType) {
        throw unsupported("throwException");
    }

    public static MethodHandle loop(MethodHandle[]... clauses) {
        throw unsupported("loop");
    }

    public static MethodHandle whileLoop(MethodHandle init, MethodHandle pred, MethodHandle body) {
        throw unsupported("whileLoop");
    }

    public static MethodHandle doWhileLoop(MethodHandle init, MethodHandle body, MethodHandle pred) {
        throw unsupported("doWhileLoop");
    }

    public static MethodHandle countedLoop(MethodHandle iterations, MethodHandle init, MethodHandle body) {
        throw unsupported("countedLoop");
    }

    public static MethodHandle countedLoop(MethodHandle start, MethodHandle end, MethodHandle init,
            MethodHandle body) {
        throw unsupported("countedLoop");
    }

    public static MethodHandle iteratedLoop(MethodHandle iterator, MethodHandle init, MethodHandle body) {
        throw unsupported("iteratedLoop");
    }

    public static MethodHandle tryFinally(MethodHandle target, MethodHandle cleanup) {
        throw unsupported("tryFinally");
    }

    public static MethodHandle tableSwitch(MethodHandle fallback, MethodHandle... targets) {
        throw unsupported("tableSwitch");
    }

    /** A lookup context: a lookup class and the access modes it grants. */
    public static final class Lookup {
        public static final int PUBLIC = Modifier.PUBLIC;
        public static final int PRIVATE = Modifier.PRIVATE;
        public static final int PROTECTED = Modifier.PROTECTED;
        public static final int PACKAGE = Modifier.STATIC;
        public static final int MODULE = PACKAGE << 1;
        public static final int UNCONDITIONAL = PACKAGE << 2;
        public static final int ORIGINAL = PACKAGE << 3;

        static final int ALL_MODES = PUBLIC | PRIVATE | PROTECTED | PACKAGE | MODULE | UNCONDITIONAL | ORIGINAL;
        static final int FULL_POWER_MODES = ALL_MODES & ~UNCONDITIONAL;

        final Class<?> lookupClass;
        final Class<?> prevLookupClass;
        final int allowedModes;

        Lookup(Class<?> lookupClass, Class<?> prevLookupClass, int allowedModes) {
            this.lookupClass = lookupClass;
            this.prevLookupClass = prevLookupClass;
            this.allowedModes = allowedModes;
        }

        public Class<?> lookupClass() {
            return lookupClass;
        }

        public Class<?> previousLookupClass() {
            return prevLookupClass;
        }

        public int lookupModes() {
            return allowedModes & ALL_MODES;
        }

        public boolean hasPrivateAccess() {
            return hasFullPrivilegeAccess();
        }

        public boolean hasFullPrivilegeAccess() {
            return (allowedModes & (PRIVATE | MODULE)) == (PRIVATE | MODULE);
        }

        public Lookup in(Class<?> requestedLookupClass) {
            if (requestedLookupClass.isPrimitive() || requestedLookupClass.isArray()) {
                throw new IllegalArgumentException(requestedLookupClass + " is a primitive or array class");
            }
            if (requestedLookupClass == lookupClass) {
                return this;
            }
            int modes = allowedModes & ~(PROTECTED | ORIGINAL);
            if (RoastVarHandles.isJdkClass(requestedLookupClass) != RoastVarHandles.isJdkClass(lookupClass)) {
                modes &= ~(MODULE | PACKAGE | PRIVATE);
            }
            if (!samePackage(requestedLookupClass, lookupClass)) {
                modes &= ~(PACKAGE | PRIVATE);
            }
            if (!sameNest(requestedLookupClass, lookupClass)) {
                modes &= ~PRIVATE;
            }
            return new Lookup(requestedLookupClass, null, modes);
        }

        public Lookup dropLookupMode(int modeToDrop) {
            int drop = modeToDrop | PROTECTED | ORIGINAL;
            switch (modeToDrop) {
                case PUBLIC: drop |= ALL_MODES; break;
                case MODULE: drop |= PACKAGE | PRIVATE; break;
                case PACKAGE: drop |= PRIVATE; break;
                case PROTECTED: case PRIVATE: case ORIGINAL: case UNCONDITIONAL: break;
                default: throw new IllegalArgumentException(modeToDrop + " is not a valid mode to drop");
            }
            int modes = allowedModes & ~drop;
            return modes == allowedModes ? this : new Lookup(lookupClass, prevLookupClass, modes);
        }

        @Override
        public String toString() {
            String name = lookupClass.getName();
            if (prevLookupClass != null) {
                name += "/" + prevLookupClass.getName();
            }
            int m = allowedModes & ~ORIGINAL;
            if (m == 0) return name + "/noaccess";
            if (m == UNCONDITIONAL) return name + "/publicLookup";
            if (m == PUBLIC) return name + "/public";
            if (m == (PUBLIC | MODULE)) return name + "/module";
            if ((m & ~MODULE) == (PUBLIC | PACKAGE)) return name + "/package";
            if ((m & ~MODULE) == (PUBLIC | PACKAGE | PRIVATE)) return name + "/private";
            if ((m & ~MODULE) == (PUBLIC | PACKAGE | PRIVATE | PROTECTED)) return name;
            return name + "/" + Integer.toHexString(allowedModes);
        }

        // VarHandles.

        public VarHandle findVarHandle(Class<?> recv, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            Class<?> holder = resolveField(recv, name, type, "getField");
            int mods = RoastVarHandles.fieldModifiers(holder, name, type);
            if (Modifier.isStatic(mods)) {
                throw new IllegalAccessException("expected a non-static field: " + memberText(holder, name, type, "getField"));
            }
            checkAccess(holder, name, type, mods, "getField");
            long offset = RoastVarHandles.fieldOffset(holder, name, type);
            return new RoastFieldVarHandle(recv, offset, type, Modifier.isFinal(mods), false);
        }

        public VarHandle findStaticVarHandle(Class<?> decl, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            Class<?> holder = resolveField(decl, name, type, "getStatic");
            int mods = RoastVarHandles.fieldModifiers(holder, name, type);
            if (!Modifier.isStatic(mods)) {
                throw new IllegalAccessException("expected a static field: " + memberText(holder, name, type, "getStatic"));
            }
            checkAccess(holder, name, type, mods, "getStatic");
            Unsafe.getUnsafe().ensureClassInitialized(holder);
            long address = RoastVarHandles.fieldOffset(holder, name, type);
            return new RoastStaticVarHandle(address, type, Modifier.isFinal(mods), false);
        }

        public VarHandle unreflectVarHandle(Field f) throws IllegalAccessException {
            throw unsupported("Lookup.unreflectVarHandle");
        }

        private Class<?> resolveField(Class<?> c, String name, Class<?> type, String kind)
                throws NoSuchFieldException {
            if (name == null || type == null) {
                throw new NullPointerException();
            }
            Class<?> holder = RoastVarHandles.fieldHolder(c, name, type);
            if (holder == null) {
                throw new NoSuchFieldException("no such field: " + memberText(c, name, type, kind));
            }
            return holder;
        }

        private void checkAccess(Class<?> holder, String name, Class<?> type, int mods, String kind)
                throws IllegalAccessException {
            if (isAccessible(holder, mods)) {
                return;
            }
            String what = Modifier.isPrivate(mods) ? "member is private"
                    : Modifier.isProtected(mods) ? "member is protected"
                    : Modifier.isPublic(mods) ? "member is public" : "member is private to package";
            throw new IllegalAccessException(what + ": " + memberText(holder, name, type, kind)
                    + ", from " + lookupClass);
        }

        private boolean isAccessible(Class<?> holder, int mods) {
            boolean jdkHolder = RoastVarHandles.isJdkClass(holder);
            boolean sameModule = jdkHolder == RoastVarHandles.isJdkClass(lookupClass);
            if (Modifier.isPublic(mods)) {
                return (allowedModes & (PUBLIC | UNCONDITIONAL)) != 0;
            }
            if (!sameModule) {
                return false;
            }
            if (Modifier.isPrivate(mods)) {
                return (allowedModes & PRIVATE) != 0 && sameNest(holder, lookupClass);
            }
            boolean pkg = (allowedModes & PACKAGE) != 0 && samePackage(holder, lookupClass);
            if (Modifier.isProtected(mods)) {
                return pkg || ((allowedModes & PROTECTED) != 0 && holder.isAssignableFrom(lookupClass));
            }
            return pkg;
        }

        private static String memberText(Class<?> c, String name, Class<?> type, String kind) {
            return c.getName() + "." + name + "/" + type.getName() + "/" + kind;
        }

        private static boolean samePackage(Class<?> a, Class<?> b) {
            return a.getPackageName().equals(b.getPackageName());
        }

        /** Same nest, approximated by the top-level class name (Class.getNestHost needs VM support). */
        private static boolean sameNest(Class<?> a, Class<?> b) {
            return a == b || topLevelName(a).equals(topLevelName(b));
        }

        private static String topLevelName(Class<?> c) {
            String n = c.getName();
            int dollar = n.indexOf('$', n.lastIndexOf('.') + 1);
            return dollar < 0 ? n : n.substring(0, dollar);
        }

        // Classes.

        public Class<?> findClass(String targetName) throws ClassNotFoundException, IllegalAccessException {
            throw unsupported("Lookup.findClass");
        }

        public Class<?> ensureInitialized(Class<?> targetClass) throws IllegalAccessException {
            if (targetClass.isPrimitive() || targetClass.isArray()) {
                throw new IllegalArgumentException(targetClass + " is a primitive or array class");
            }
            Unsafe.getUnsafe().ensureClassInitialized(targetClass);
            return targetClass;
        }

        public Class<?> accessClass(Class<?> targetClass) throws IllegalAccessException {
            return targetClass;
        }

        public Class<?> defineClass(byte[] bytes) throws IllegalAccessException {
            throw unsupported("Lookup.defineClass");
        }

        public Lookup defineHiddenClass(byte[] bytes, boolean initialize, ClassOption... options)
                throws IllegalAccessException {
            throw unsupported("Lookup.defineHiddenClass");
        }

        public Lookup defineHiddenClassWithClassData(byte[] bytes, Object data, boolean initialize,
                ClassOption... options) throws IllegalAccessException {
            throw unsupported("Lookup.defineHiddenClassWithClassData");
        }

        // Method handles are not supported yet.

        public MethodHandle findStatic(Class<?> refc, String name, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            throw unsupported("Lookup.findStatic");
        }

        public MethodHandle findVirtual(Class<?> refc, String name, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            throw unsupported("Lookup.findVirtual");
        }

        public MethodHandle findConstructor(Class<?> refc, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            throw unsupported("Lookup.findConstructor");
        }

        public MethodHandle findSpecial(Class<?> refc, String name, MethodType type, Class<?> specialCaller)
                throws NoSuchMethodException, IllegalAccessException {
            throw unsupported("Lookup.findSpecial");
        }

        public MethodHandle findGetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            throw unsupported("Lookup.findGetter");
        }

        public MethodHandle findSetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            throw unsupported("Lookup.findSetter");
        }

        public MethodHandle findStaticGetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            throw unsupported("Lookup.findStaticGetter");
        }

        public MethodHandle findStaticSetter(Class<?> refc, String name, Class<?> type)
                throws NoSuchFieldException, IllegalAccessException {
            throw unsupported("Lookup.findStaticSetter");
        }

        public MethodHandle bind(Object receiver, String name, MethodType type)
                throws NoSuchMethodException, IllegalAccessException {
            throw unsupported("Lookup.bind");
        }

        public MethodHandle unreflect(Method m) throws IllegalAccessException {
            throw unsupported("Lookup.unreflect");
        }

        public MethodHandle unreflectSpecial(Method m, Class<?> specialCaller) throws IllegalAccessException {
            throw unsupported("Lookup.unreflectSpecial");
        }

        public MethodHandle unreflectConstructor(Constructor<?> c) throws IllegalAccessException {
            throw unsupported("Lookup.unreflectConstructor");
        }

        public MethodHandle unreflectGetter(Field f) throws IllegalAccessException {
            throw unsupported("Lookup.unreflectGetter");
        }

        public MethodHandle unreflectSetter(Field f) throws IllegalAccessException {
            throw unsupported("Lookup.unreflectSetter");
        }

        public MethodHandleInfo revealDirect(MethodHandle target) {
            throw unsupported("Lookup.revealDirect");
        }

        /** Options of defineHiddenClass (which is not supported). */
        public enum ClassOption {
            NESTMATE,
            STRONG
        }
    }
}
