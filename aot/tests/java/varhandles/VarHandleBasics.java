import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Field, static-field, array-element and byte-view VarHandles created by user code. */
public class VarHandleBasics {
    int i;
    long l;
    boolean z;
    byte b;
    short s;
    char c;
    float f;
    double d;
    String str;
    Object obj;
    final int fixed = 7;
    volatile int v;

    static int si;
    static long sl;
    static String sstr;

    static final VarHandle I;
    static final VarHandle L;
    static final VarHandle Z;
    static final VarHandle B;
    static final VarHandle S;
    static final VarHandle C;
    static final VarHandle F;
    static final VarHandle D;
    static final VarHandle STR;
    static final VarHandle OBJ;
    static final VarHandle FIXED;
    static final VarHandle SI;
    static final VarHandle SL;
    static final VarHandle SSTR;

    static {
        try {
            MethodHandles.Lookup lk = MethodHandles.lookup();
            I = lk.findVarHandle(VarHandleBasics.class, "i", int.class);
            L = lk.findVarHandle(VarHandleBasics.class, "l", long.class);
            Z = lk.findVarHandle(VarHandleBasics.class, "z", boolean.class);
            B = lk.findVarHandle(VarHandleBasics.class, "b", byte.class);
            S = lk.findVarHandle(VarHandleBasics.class, "s", short.class);
            C = lk.findVarHandle(VarHandleBasics.class, "c", char.class);
            F = lk.findVarHandle(VarHandleBasics.class, "f", float.class);
            D = lk.findVarHandle(VarHandleBasics.class, "d", double.class);
            STR = lk.findVarHandle(VarHandleBasics.class, "str", String.class);
            OBJ = lk.findVarHandle(VarHandleBasics.class, "obj", Object.class);
            FIXED = lk.findVarHandle(VarHandleBasics.class, "fixed", int.class);
            SI = lk.findStaticVarHandle(VarHandleBasics.class, "si", int.class);
            SL = lk.findStaticVarHandle(VarHandleBasics.class, "sl", long.class);
            SSTR = lk.findStaticVarHandle(VarHandleBasics.class, "sstr", String.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public static void main(String[] args) {
        VarHandleBasics o = new VarHandleBasics();
        ints(o);
        longs(o);
        smallTypes(o);
        floats(o);
        references(o);
        statics();
        arrays();
        byteViews();
        errors(o);
        System.out.println("done");
    }

    static void ints(VarHandleBasics o) {
        I.set(o, 5);
        System.out.println("int get " + (int) I.get(o) + " field " + o.i);
        System.out.println("int getAndAdd " + (int) I.getAndAdd(o, 10) + " -> " + o.i);
        System.out.println("int cas ok " + I.compareAndSet(o, 15, 20) + " bad " + I.compareAndSet(o, 15, 30) + " -> " + o.i);
        System.out.println("int cae " + (int) I.compareAndExchange(o, 20, 21) + " " + (int) I.compareAndExchange(o, 20, 22) + " -> " + o.i);
        System.out.println("int getAndSet " + (int) I.getAndSet(o, 0xF0) + " -> " + o.i);
        System.out.println("int or " + (int) I.getAndBitwiseOr(o, 0x0F) + " and " + (int) I.getAndBitwiseAnd(o, 0x3C) + " xor " + (int) I.getAndBitwiseXor(o, 0xFF) + " -> " + o.i);
        I.setVolatile(o, -1);
        I.setRelease(o, (int) I.getAcquire(o) - 1);
        I.setOpaque(o, (int) I.getOpaque(o) * 3);
        System.out.println("int volatile " + (int) I.getVolatile(o));
        System.out.println("int weak " + I.weakCompareAndSet(o, -6, 1) + I.weakCompareAndSetPlain(o, 1, 2)
                + I.weakCompareAndSetAcquire(o, 2, 3) + I.weakCompareAndSetRelease(o, 3, 4) + " -> " + o.i);
        I.getAndAdd(o, 1);
        long widened = (long) I.get(o);
        Object boxed = I.get(o);
        System.out.println("int as long " + widened + " boxed " + boxed + " " + boxed.getClass().getName());
        short small = 3;
        I.set(o, small);
        System.out.println("int from short " + o.i);
    }

    static void longs(VarHandleBasics o) {
        L.set(o, 1L << 40);
        System.out.println("long get " + (long) L.get(o));
        System.out.println("long getAndAdd " + (long) L.getAndAdd(o, 5L) + " -> " + o.l);
        L.getAndAdd(o, 1);
        System.out.println("long add int " + o.l);
        System.out.println("long cas " + L.compareAndSet(o, (1L << 40) + 6, -1L) + " -> " + o.l);
        System.out.println("long xor " + (long) L.getAndBitwiseXor(o, 0xFFL) + " -> " + o.l);
    }

    static void smallTypes(VarHandleBasics o) {
        Z.set(o, true);
        System.out.println("boolean " + (boolean) Z.get(o) + " cas " + Z.compareAndSet(o, true, false) + " -> " + o.z);
        System.out.println("boolean or " + (boolean) Z.getAndBitwiseOr(o, true) + " -> " + o.z);
        B.set(o, (byte) 120);
        System.out.println("byte add " + (byte) B.getAndAdd(o, (byte) 10) + " -> " + o.b);
        System.out.println("byte cas " + B.compareAndSet(o, (byte) -126, (byte) 1) + " -> " + o.b);
        S.set(o, (short) 32767);
        System.out.println("short add " + (short) S.getAndAdd(o, (short) 1) + " -> " + o.s);
        C.set(o, 'a');
        System.out.println("char add " + (char) C.getAndAdd(o, (char) 1) + " -> " + o.c + " volatile " + (char) C.getVolatile(o));
        System.out.println("char cae " + (char) C.compareAndExchange(o, 'b', 'z') + " -> " + o.c);
    }

    static void floats(VarHandleBasics o) {
        // Printed as raw bits: this test is about VarHandles, not float formatting.
        F.set(o, 1.5f);
        System.out.println("float add " + bits((float) F.getAndAdd(o, 2.25f)) + " -> " + bits(o.f));
        System.out.println("float cas " + F.compareAndSet(o, 3.75f, -0.0f) + " -> " + bits(o.f));
        F.set(o, 7);
        System.out.println("float from int " + bits(o.f));
        D.setVolatile(o, Math.PI);
        System.out.println("double " + bits((double) D.getVolatile(o)) + " getAndSet " + bits((double) D.getAndSet(o, 2.0)) + " -> " + bits(o.d));
        System.out.println("double add " + bits((double) D.getAndAdd(o, 0.5)) + " -> " + bits(o.d));
        System.out.println("double cae " + bits((double) D.compareAndExchange(o, 2.5, 4.0)) + " -> " + bits(o.d));
    }

    static String bits(float f) {
        return Integer.toHexString(Float.floatToRawIntBits(f));
    }

    static String bits(double d) {
        return Long.toHexString(Double.doubleToRawLongBits(d));
    }

    static void references(VarHandleBasics o) {
        STR.set(o, "first");
        String old = (String) STR.getAndSet(o, "second");
        System.out.println("ref getAndSet " + old + " -> " + o.str);
        String second = o.str;
        System.out.println("ref cas same " + STR.compareAndSet(o, second, "third") + " other " + STR.compareAndSet(o, "x", "y") + " -> " + o.str);
        System.out.println("ref cae " + STR.compareAndExchange(o, "nope", "z") + " -> " + o.str);
        OBJ.setRelease(o, Integer.valueOf(42));
        System.out.println("obj " + OBJ.getAcquire(o));
        System.out.println("fixed get " + (int) FIXED.get(o));
        System.out.println("handle " + I + " " + STR.varType().getName() + " " + STR.coordinateTypes());
    }

    static void statics() {
        SI.set(3);
        System.out.println("static int " + (int) SI.getAndAdd(4) + " -> " + si);
        SL.setVolatile(9L);
        System.out.println("static long cas " + SL.compareAndSet(9L, 10L) + " -> " + sl);
        SSTR.set("s");
        System.out.println("static string " + (String) SSTR.getAndSet("t") + " -> " + sstr + " " + SI.coordinateTypes());
    }

    static void arrays() {
        VarHandle ia = MethodHandles.arrayElementVarHandle(int[].class);
        int[] ints = new int[4];
        ia.set(ints, 1, 10);
        System.out.println("int[] " + (int) ia.getAndAdd(ints, 1, 5) + " -> " + ints[1] + " cas " + ia.compareAndSet(ints, 3, 0, 9) + " " + ints[3]);
        VarHandle la = MethodHandles.arrayElementVarHandle(long[].class);
        long[] longs = new long[2];
        la.setVolatile(longs, 0, 77L);
        System.out.println("long[] " + (long) la.getVolatile(longs, 0));
        VarHandle oa = MethodHandles.arrayElementVarHandle(Object[].class);
        Object[] objs = new Object[3];
        oa.set(objs, 2, "two");
        System.out.println("Object[] " + oa.get(objs, 2) + " cas " + oa.compareAndSet(objs, 2, "two", "deux") + " " + objs[2]);
        VarHandle ba = MethodHandles.arrayElementVarHandle(byte[].class);
        byte[] bytes = new byte[5];
        ba.set(bytes, 4, (byte) 3);
        System.out.println("byte[] " + (byte) ba.getAndAdd(bytes, 4, (byte) 4) + " -> " + bytes[4]);
        VarHandle ca = MethodHandles.arrayElementVarHandle(char[].class);
        char[] chars = {'x', 'y'};
        System.out.println("char[] " + (char) ca.getAndSet(chars, 0, 'q') + new String(chars));
        System.out.println("handle " + oa);
    }

    static void byteViews() {
        VarHandle be = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        VarHandle le = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
        byte[] buf = new byte[16];
        be.set(buf, 0, 0x01020304);
        le.set(buf, 5, 0x0A0B0C0D);
        StringBuilder sb = new StringBuilder();
        for (byte x : buf) {
            sb.append(x).append(' ');
        }
        System.out.println("bytes " + sb);
        System.out.println("be " + Integer.toHexString((int) be.get(buf, 0)) + " le " + Integer.toHexString((int) le.get(buf, 0)));
        System.out.println("be cas " + be.compareAndSet(buf, 0, 0x01020304, 0x11121314) + " " + buf[0] + " " + buf[3]);
        System.out.println("be add " + Integer.toHexString((int) be.getAndAdd(buf, 0, 0x100)) + " -> " + Integer.toHexString((int) be.get(buf, 0)));
        VarHandle lv = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        lv.set(buf, 8, 0x1122334455667788L);
        System.out.println("long view " + Long.toHexString((long) lv.get(buf, 8)) + " " + buf[8] + " " + buf[15]);
        VarHandle sv = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
        System.out.println("short view " + (short) sv.get(buf, 3));
        VarHandle dv = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
        dv.set(buf, 8, 1.25);
        System.out.println("double view " + bits((double) dv.get(buf, 8)) + " " + buf[14] + " " + buf[15]);
        try {
            be.getVolatile(buf, 1);
        } catch (IllegalStateException e) {
            System.out.println("misaligned " + e.getMessage());
        }
        try {
            be.get(buf, 13);
        } catch (IndexOutOfBoundsException e) {
            System.out.println("view bounds " + e.getMessage());
        }
    }

    static void errors(VarHandleBasics o) {
        MethodHandles.Lookup lk = MethodHandles.lookup();
        try {
            lk.findVarHandle(VarHandleBasics.class, "missing", int.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("missing " + e);
        }
        try {
            lk.findVarHandle(VarHandleBasics.class, "i", long.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("wrong type " + e);
        }
        try {
            lk.findVarHandle(VarHandleBasics.class, "si", int.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("static as instance " + e.getClass().getName());
        }
        try {
            lk.findStaticVarHandle(VarHandleBasics.class, "i", int.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("instance as static " + e.getClass().getName());
        }
        try {
            lk.findVarHandle(String.class, "hash", int.class);
        } catch (ReflectiveOperationException e) {
            System.out.println("private in java.base " + e.getClass().getName());
        }
        try {
            FIXED.set(o, 1);
        } catch (UnsupportedOperationException e) {
            System.out.println("final set " + e);
        }
        try {
            VarHandleBasics nobody = null;
            I.get(nobody);
        } catch (NullPointerException e) {
            System.out.println("null receiver NPE");
        }
        try {
            Object notMe = "x";
            I.getAndAdd(notMe, 1);
        } catch (ClassCastException e) {
            System.out.println("wrong receiver " + e.getMessage());
        }
        try {
            STR.getAndAdd(o, "x");
        } catch (UnsupportedOperationException e) {
            System.out.println("getAndAdd on reference " + e);
        }
        try {
            OBJ.set(o, (Object) null);
            STR.set(o, (Object) Integer.valueOf(1));
        } catch (ClassCastException e) {
            System.out.println("bad reference " + e.getMessage());
        }
        VarHandle oa = MethodHandles.arrayElementVarHandle(Object[].class);
        try {
            oa.get(new Object[2], 5);
        } catch (ArrayIndexOutOfBoundsException e) {
            System.out.println("bounds " + e.getMessage());
        }
        try {
            oa.set(new String[1], 0, Integer.valueOf(1));
        } catch (ArrayStoreException e) {
            System.out.println("store " + e);
        }
        try {
            MethodHandles.arrayElementVarHandle(int.class);
        } catch (IllegalArgumentException e) {
            System.out.println("not an array " + e.getMessage());
        }
        try {
            VarHandle nullHandle = null;
            nullHandle.get(o);
        } catch (NullPointerException e) {
            System.out.println("null handle NPE");
        }
        System.out.println("modes " + I.isAccessModeSupported(VarHandle.AccessMode.GET_AND_ADD)
                + STR.isAccessModeSupported(VarHandle.AccessMode.GET_AND_ADD)
                + FIXED.isAccessModeSupported(VarHandle.AccessMode.SET)
                + VarHandle.AccessMode.valueFromMethodName("getAndBitwiseOrRelease"));
        VarHandle.fullFence();
        VarHandle.acquireFence();
        VarHandle.releaseFence();
        VarHandle.loadLoadFence();
        VarHandle.storeStoreFence();
        System.out.println("lookup " + lk + " " + lk.lookupClass().getName() + " " + lk.lookupModes()
                + " " + MethodHandles.publicLookup() + " " + lk.dropLookupMode(MethodHandles.Lookup.PRIVATE));
    }
}
