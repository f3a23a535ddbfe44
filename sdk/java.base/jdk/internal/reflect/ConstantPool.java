/*
 * roast SDK replacement for jdk.internal.reflect.ConstantPool. HotSpot's is a view of a
 * class's runtime constant pool; roast keeps no constant pools at run time, only the small
 * pool that the compiler emits with a class's runtime-visible annotations
 * (aot/src/annotation_encode.rs), which is what the JDK's AnnotationParser reads through
 * this class. The annotation bytes handed out by Class/Field/Method index that pool.
 * Queries of other constant kinds (classes, members, strings) throw
 * UnsupportedOperationException.
 */
package jdk.internal.reflect;

import java.lang.reflect.Field;
import java.lang.reflect.Member;

public class ConstantPool {
    private static final int UTF8 = 1;
    private static final int INTEGER = 3;
    private static final int FLOAT = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    /** The class whose annotation pool this is (HotSpot: the constant pool oop). */
    private Object constantPoolOop;

    public ConstantPool() {}

    /** roast: the annotation pool of {@code c} (what HotSpot's Class.getConstantPool gives). */
    public ConstantPool(Class<?> c) {
        this.constantPoolOop = c;
    }

    private static native int size0(Class<?> c);
    private static native int tag0(Class<?> c, int index);
    private static native long bits0(Class<?> c, int index);
    private static native String utf8At0(Class<?> c, int index);

    private Class<?> owner() {
        return (Class<?>) constantPoolOop;
    }

    private void check(int index, int tag) {
        Class<?> c = owner();
        if (c == null || index <= 0 || index >= size0(c)) {
            throw new IllegalArgumentException("Constant pool index out of bounds");
        }
        if (tag0(c, index) != tag) {
            throw new IllegalArgumentException("Wrong type at constant pool index");
        }
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("roast: ConstantPool." + what
                + " is not supported (only annotation constants are kept at run time)");
    }

    public int getSize() {
        Class<?> c = owner();
        return c == null ? 0 : size0(c);
    }

    public Class<?> getClassAt(int index) { throw unsupported("getClassAt"); }
    public Class<?> getClassAtIfLoaded(int index) { throw unsupported("getClassAtIfLoaded"); }
    public int getClassRefIndexAt(int index) { throw unsupported("getClassRefIndexAt"); }
    public Member getMethodAt(int index) { throw unsupported("getMethodAt"); }
    public Member getMethodAtIfLoaded(int index) { throw unsupported("getMethodAtIfLoaded"); }
    public Field getFieldAt(int index) { throw unsupported("getFieldAt"); }
    public Field getFieldAtIfLoaded(int index) { throw unsupported("getFieldAtIfLoaded"); }
    public String[] getMemberRefInfoAt(int index) { throw unsupported("getMemberRefInfoAt"); }
    public int getNameAndTypeRefIndexAt(int index) { throw unsupported("getNameAndTypeRefIndexAt"); }
    public String[] getNameAndTypeRefInfoAt(int index) { throw unsupported("getNameAndTypeRefInfoAt"); }
    public String getStringAt(int index) { throw unsupported("getStringAt"); }

    public int getIntAt(int index) {
        check(index, INTEGER);
        return (int) bits0(owner(), index);
    }

    public long getLongAt(int index) {
        check(index, LONG);
        return bits0(owner(), index);
    }

    public float getFloatAt(int index) {
        check(index, FLOAT);
        return Float.intBitsToFloat((int) bits0(owner(), index));
    }

    public double getDoubleAt(int index) {
        check(index, DOUBLE);
        return Double.longBitsToDouble(bits0(owner(), index));
    }

    public String getUTF8At(int index) {
        check(index, UTF8);
        return utf8At0(owner(), index);
    }
}
