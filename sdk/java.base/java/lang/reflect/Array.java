/*
 * roast SDK replacement for java.lang.reflect.Array. HotSpot implements the accessors as VM
 * natives (jvm.cpp JVM_GetArrayElement & co., reflection.cpp array_get/array_set/widen); this
 * class does the same in Java, with HotSpot's order of checks and exceptions:
 *   - a null array: NullPointerException (no message); not an array: IllegalArgumentException
 *     "Argument is not an array"; a primitive accessor on a reference array: "Argument is not
 *     an array of primitive type";
 *   - set(Object) on a primitive array unboxes first (null: IllegalArgumentException without
 *     message, not a wrapper: "argument type mismatch");
 *   - then the index (ArrayIndexOutOfBoundsException without message), then the widening
 *     primitive conversion (JLS 5.1.2; "argument type mismatch") or, for reference arrays, the
 *     element type ("array element type mismatch").
 * Array creation uses the runtime's newArray native (runtime/src/natives/reflect.rs): the
 * array class must be compiled into the program; multi-dimensional arrays are built level by
 * level with HotSpot's checks (every dimension non-negative before anything is allocated,
 * at most 255 dimensions).
 */
package java.lang.reflect;

public final class Array {
    private Array() {}

    public static Object newInstance(Class<?> componentType, int length) throws NegativeArraySizeException {
        return checkedNewArray(componentType, length);
    }

    public static Object newInstance(Class<?> componentType, int... dimensions)
            throws IllegalArgumentException, NegativeArraySizeException {
        return multiNewArray(componentType, dimensions);
    }

    private static Object checkedNewArray(Class<?> componentType, int length) {
        if (componentType == null) {
            throw new NullPointerException();
        }
        if (componentType == void.class) {
            throw new IllegalArgumentException();
        }
        if (length < 0) {
            throw new NegativeArraySizeException(String.valueOf(length));
        }
        if (dimensionsOf(componentType) >= 255) {
            throw new IllegalArgumentException();
        }
        return newArray(componentType, length);
    }

    private static int dimensionsOf(Class<?> c) {
        int n = 0;
        while (c.isArray()) {
            n++;
            c = c.getComponentType();
        }
        return n;
    }

    private static Object multiNewArray(Class<?> componentType, int[] dimensions) {
        if (componentType == null || dimensions == null) {
            throw new NullPointerException();
        }
        if (dimensions.length == 0 || componentType == void.class
                || dimensions.length + dimensionsOf(componentType) > 255) {
            throw new IllegalArgumentException();
        }
        for (int d : dimensions) {
            if (d < 0) {
                throw new NegativeArraySizeException(String.valueOf(d));
            }
        }
        Class<?>[] levels = new Class<?>[dimensions.length];
        levels[dimensions.length - 1] = componentType;
        for (int i = dimensions.length - 2; i >= 0; i--) {
            levels[i] = levels[i + 1].arrayType();
        }
        return build(levels, dimensions, 0);
    }

    /** An array of dimensions[depth] elements of class levels[depth], filled recursively. */
    private static Object build(Class<?>[] levels, int[] dimensions, int depth) {
        Object array = newArray(levels[depth], dimensions[depth]);
        if (depth + 1 < dimensions.length) {
            Object[] elements = (Object[]) array;
            for (int i = 0; i < elements.length; i++) {
                elements[i] = build(levels, dimensions, depth + 1);
            }
        }
        return array;
    }

    /** The runtime's native (runtime/src/natives/reflect.rs). */
    private static native Object newArray(Class<?> componentType, int length);

    // ---- classification and checks ----

    private static IllegalArgumentException notAnArray() {
        return new IllegalArgumentException("Argument is not an array");
    }

    private static IllegalArgumentException mismatch() {
        return new IllegalArgumentException("argument type mismatch");
    }

    /** The element kind of an array: a descriptor letter, or 'L' for reference arrays. */
    private static char kind(Object array) {
        if (array == null) {
            throw new NullPointerException();
        }
        if (array instanceof Object[]) return 'L';
        if (array instanceof int[]) return 'I';
        if (array instanceof long[]) return 'J';
        if (array instanceof double[]) return 'D';
        if (array instanceof byte[]) return 'B';
        if (array instanceof char[]) return 'C';
        if (array instanceof boolean[]) return 'Z';
        if (array instanceof float[]) return 'F';
        if (array instanceof short[]) return 'S';
        throw notAnArray();
    }

    private static char primitiveKind(Object array) {
        char k = kind(array);
        if (k == 'L') {
            throw new IllegalArgumentException("Argument is not an array of primitive type");
        }
        return k;
    }

    private static void checkIndex(Object array, int index) {
        if (index < 0 || index >= getLength(array)) {
            throw new ArrayIndexOutOfBoundsException();
        }
    }

    public static int getLength(Object array) throws IllegalArgumentException {
        switch (kind(array)) {
            case 'L': return ((Object[]) array).length;
            case 'I': return ((int[]) array).length;
            case 'J': return ((long[]) array).length;
            case 'D': return ((double[]) array).length;
            case 'B': return ((byte[]) array).length;
            case 'C': return ((char[]) array).length;
            case 'Z': return ((boolean[]) array).length;
            case 'F': return ((float[]) array).length;
            default: return ((short[]) array).length;
        }
    }

    // ---- reads ----

    public static Object get(Object array, int index) throws IllegalArgumentException, ArrayIndexOutOfBoundsException {
        char k = kind(array);
        checkIndex(array, index);
        switch (k) {
            case 'L': return ((Object[]) array)[index];
            case 'I': return ((int[]) array)[index];
            case 'J': return ((long[]) array)[index];
            case 'D': return ((double[]) array)[index];
            case 'B': return ((byte[]) array)[index];
            case 'C': return ((char[]) array)[index];
            case 'Z': return ((boolean[]) array)[index];
            case 'F': return ((float[]) array)[index];
            default: return ((short[]) array)[index];
        }
    }

    public static boolean getBoolean(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k != 'Z') {
            throw mismatch();
        }
        return ((boolean[]) array)[index];
    }

    public static byte getByte(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k != 'B') {
            throw mismatch();
        }
        return ((byte[]) array)[index];
    }

    public static char getChar(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k != 'C') {
            throw mismatch();
        }
        return ((char[]) array)[index];
    }

    public static short getShort(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'B': return ((byte[]) array)[index];
            case 'S': return ((short[]) array)[index];
            default: throw mismatch();
        }
    }

    public static int getInt(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'B': return ((byte[]) array)[index];
            case 'S': return ((short[]) array)[index];
            case 'C': return ((char[]) array)[index];
            case 'I': return ((int[]) array)[index];
            default: throw mismatch();
        }
    }

    public static long getLong(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k == 'J') {
            return ((long[]) array)[index];
        }
        return intLike(array, k, index);
    }

    public static float getFloat(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'F': return ((float[]) array)[index];
            case 'J': return ((long[]) array)[index];
            default: return intLike(array, k, index);
        }
    }

    public static double getDouble(Object array, int index) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'D': return ((double[]) array)[index];
            case 'F': return ((float[]) array)[index];
            case 'J': return ((long[]) array)[index];
            default: return intLike(array, k, index);
        }
    }

    /** An element of a byte/short/char/int array as int; "argument type mismatch" otherwise. */
    private static int intLike(Object array, char k, int index) {
        switch (k) {
            case 'B': return ((byte[]) array)[index];
            case 'S': return ((short[]) array)[index];
            case 'C': return ((char[]) array)[index];
            case 'I': return ((int[]) array)[index];
            default: throw mismatch();
        }
    }

    // ---- writes ----

    public static void set(Object array, int index, Object value)
            throws IllegalArgumentException, ArrayIndexOutOfBoundsException {
        char k = kind(array);
        if (k == 'L') {
            checkIndex(array, index);
            if (value != null && !array.getClass().getComponentType().isInstance(value)) {
                throw new IllegalArgumentException("array element type mismatch");
            }
            ((Object[]) array)[index] = value;
            return;
        }
        if (value == null) {
            throw new IllegalArgumentException();
        }
        if (value instanceof Integer) setInt(array, index, (Integer) value);
        else if (value instanceof Long) setLong(array, index, (Long) value);
        else if (value instanceof Double) setDouble(array, index, (Double) value);
        else if (value instanceof Float) setFloat(array, index, (Float) value);
        else if (value instanceof Character) setChar(array, index, (Character) value);
        else if (value instanceof Short) setShort(array, index, (Short) value);
        else if (value instanceof Byte) setByte(array, index, (Byte) value);
        else if (value instanceof Boolean) setBoolean(array, index, (Boolean) value);
        else throw mismatch();
    }

    public static void setBoolean(Object array, int index, boolean z) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k != 'Z') {
            throw mismatch();
        }
        ((boolean[]) array)[index] = z;
    }

    public static void setByte(Object array, int index, byte b) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k == 'B') {
            ((byte[]) array)[index] = b;
        } else if (k == 'S') {
            ((short[]) array)[index] = b;
        } else {
            storeInt(array, k, index, b);
        }
    }

    public static void setChar(Object array, int index, char c) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k == 'C') {
            ((char[]) array)[index] = c;
        } else {
            storeInt(array, k, index, c);
        }
    }

    public static void setShort(Object array, int index, short s) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k == 'S') {
            ((short[]) array)[index] = s;
        } else {
            storeInt(array, k, index, s);
        }
    }

    public static void setInt(Object array, int index, int i) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        storeInt(array, k, index, i);
    }

    public static void setLong(Object array, int index, long l) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'J': ((long[]) array)[index] = l; break;
            case 'F': ((float[]) array)[index] = l; break;
            case 'D': ((double[]) array)[index] = l; break;
            default: throw mismatch();
        }
    }

    public static void setFloat(Object array, int index, float f) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        switch (k) {
            case 'F': ((float[]) array)[index] = f; break;
            case 'D': ((double[]) array)[index] = f; break;
            default: throw mismatch();
        }
    }

    public static void setDouble(Object array, int index, double d) {
        char k = primitiveKind(array);
        checkIndex(array, index);
        if (k != 'D') {
            throw mismatch();
        }
        ((double[]) array)[index] = d;
    }

    /** Stores an int-valued element into an int, long, float or double array. */
    private static void storeInt(Object array, char k, int index, int v) {
        switch (k) {
            case 'I': ((int[]) array)[index] = v; break;
            case 'J': ((long[]) array)[index] = v; break;
            case 'F': ((float[]) array)[index] = v; break;
            case 'D': ((double[]) array)[index] = v; break;
            default: throw mismatch();
        }
    }
}
