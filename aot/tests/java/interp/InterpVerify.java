import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Class files assembled in memory, defined by a class loader and linked: ill-typed ones must
 * fail verification with HotSpot's VerifyError message (first line and location), well-typed
 * ones (branches with stack map frames, handlers, long locals, constructors) must run, and
 * so must the javac output of {@code InterpVerify_plugins/Tricky.java} (args[0]).
 */
public class InterpVerify {
    /** A tiny class-file assembler: constant pool, fields, methods with code and StackMapTable. */
    static final class Asm {
        final ByteArrayOutputStream poolBytes = new ByteArrayOutputStream();
        final DataOutputStream pool = new DataOutputStream(poolBytes);
        final Map<String, Integer> ids = new HashMap<>();
        int count = 1;
        final List<byte[]> fields = new ArrayList<>();
        final List<byte[]> methods = new ArrayList<>();
        final String name;
        final String superName;

        Asm(String name, String superName) {
            this.name = name;
            this.superName = superName;
        }

        private int entry(String key, int tag, Object... parts) {
            Integer id = ids.get(key);
            if (id != null) return id;
            try {
                pool.writeByte(tag);
                for (Object p : parts) {
                    if (p instanceof String) pool.writeUTF((String) p);
                    else pool.writeShort((Integer) p);
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            ids.put(key, count);
            return count++;
        }

        int utf(String s) { return entry("U" + s, 1, s); }
        int cls(String n) { int u = utf(n); return entry("C" + n, 7, u); }
        int str(String s) { int u = utf(s); return entry("S" + s, 8, u); }
        int nat(String n, String d) { int a = utf(n), b = utf(d); return entry("N" + n + d, 12, a, b); }
        int field(String c, String n, String d) { int a = cls(c), b = nat(n, d); return entry("F" + c + n + d, 9, a, b); }
        int method(String c, String n, String d) { int a = cls(c), b = nat(n, d); return entry("M" + c + n + d, 10, a, b); }

        void addField(int access, String n, String d) {
            fields.add(bytes(u2(access), u2(utf(n)), u2(utf(d)), u2(0)));
        }

        /** A method; {@code frames} is the StackMapTable body after the count, or null. */
        void addMethod(int access, String n, String d, int maxStack, int maxLocals, byte[] code,
                       int frameCount, byte[] frames, int[]... handlers) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(b);
            try {
                o.writeShort(access);
                o.writeShort(utf(n));
                o.writeShort(utf(d));
                o.writeShort(1);
                o.writeShort(utf("Code"));
                ByteArrayOutputStream cb = new ByteArrayOutputStream();
                DataOutputStream c = new DataOutputStream(cb);
                c.writeShort(maxStack);
                c.writeShort(maxLocals);
                c.writeInt(code.length);
                c.write(code);
                c.writeShort(handlers.length);
                for (int[] h : handlers) {
                    for (int v : h) c.writeShort(v);
                }
                if (frames != null) {
                    c.writeShort(1);
                    c.writeShort(utf("StackMapTable"));
                    c.writeInt(2 + frames.length);
                    c.writeShort(frameCount);
                    c.write(frames);
                } else {
                    c.writeShort(0);
                }
                o.writeInt(cb.size());
                o.write(cb.toByteArray());
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            methods.add(b.toByteArray());
        }

        byte[] build() {
            int self = cls(name), sup = cls(superName);
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream o = new DataOutputStream(b);
            try {
                o.writeInt(0xCAFEBABE);
                o.writeShort(0);
                o.writeShort(52);
                o.writeShort(count);
                o.write(poolBytes.toByteArray());
                o.writeShort(0x21);
                o.writeShort(self);
                o.writeShort(sup);
                o.writeShort(0);
                o.writeShort(fields.size());
                for (byte[] f : fields) o.write(f);
                o.writeShort(methods.size());
                for (byte[] m : methods) o.write(m);
                o.writeShort(0);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            return b.toByteArray();
        }
    }

    static byte[] u2(int v) { return new byte[]{(byte) (v >> 8), (byte) v}; }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[]) b.writeBytes((byte[]) p);
            else b.write((Integer) p);
        }
        return b.toByteArray();
    }

    static final int PUBLIC_STATIC = 0x9;

    static final class Loader extends ClassLoader {
        Loader() { super(InterpVerify.class.getClassLoader()); }
        Class<?> define(byte[] b) { return defineClass(null, b, 0, b.length); }
    }

    /** Defines and links the class; prints what happened. */
    static void check(String label, Asm a) {
        try {
            Class<?> c = new Loader().define(a.build());
            Class.forName(c.getName(), true, c.getClassLoader());
            Object r = null;
            for (java.lang.reflect.Method m : c.getDeclaredMethods()) {
                if (m.getName().equals("m")) r = m.invoke(null);
            }
            System.out.println(label + ": ok " + r);
        } catch (VerifyError e) {
            String[] lines = e.getMessage().split("\n");
            String location = lines.length > 3 ? lines[3].trim() : "";
            System.out.println(label + ": VerifyError: " + lines[0] + " | " + location);
        } catch (Throwable t) {
            System.out.println(label + ": " + t);
        }
    }

    static int n = 0;

    /** A class with one {@code public static m} of descriptor {@code desc}. */
    static Asm one(String desc, int maxStack, int maxLocals, java.util.function.Function<Asm, byte[]> code) {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        a.addMethod(PUBLIC_STATIC, "m", desc, maxStack, maxLocals, code.apply(a), 0, null);
        return a;
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        java.net.URL url = java.nio.file.Path.of(args[0]).toUri().toURL();
        try (java.net.URLClassLoader plugins = new java.net.URLClassLoader(new java.net.URL[]{url}, InterpVerify.class.getClassLoader())) {
            java.util.function.Supplier<String> tricky = (java.util.function.Supplier<String>)
                    plugins.loadClass("Tricky").getDeclaredConstructor().newInstance();
            System.out.println("javac output: " + tricky.get());
        }
        // int passed where Object is expected
        check("int as Object", one("()V", 1, 0, a -> bytes(0x04, 0xb8, u2(a.method("java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;")), 0x57, 0xb1)));
        // String passed where Integer is expected (a class type only the verifier checks)
        check("String as Integer", one("()I", 2, 0, a -> bytes(0x12, a.str("x"), 0x12, a.str("y"),
                0xb6, u2(a.method("java/lang/Integer", "compareTo", "(Ljava/lang/Integer;)I")), 0xac)));
        check("String receiver of Integer", one("()I", 1, 0, a -> bytes(0x12, a.str("x"),
                0xb6, u2(a.method("java/lang/Integer", "intValue", "()I")), 0xac)));
        check("String in Integer field", one("()V", 1, 0, a -> {
            a.addField(PUBLIC_STATIC, "f", "Ljava/lang/Integer;");
            return bytes(0x12, a.str("s"), 0xb3, u2(a.field(a.name, "f", "Ljava/lang/Integer;")), 0xb1);
        }));
        check("getfield on wrong class", one("()I", 1, 0, a -> bytes(0x12, a.str("s"),
                0xb4, u2(a.field("java/lang/Integer", "value", "I")), 0xac)));
        check("unset local", one("()I", 1, 1, a -> bytes(0x1a, 0xac)));
        check("underflow", one("()V", 1, 0, a -> bytes(0x57, 0xb1)));
        check("overflow", one("()V", 1, 0, a -> bytes(0x03, 0x03, 0x57, 0x57, 0xb1)));
        check("bad return type", one("()Ljava/lang/Integer;", 1, 0, a -> bytes(0x12, a.str("s"), 0xb0)));
        check("missing return value", one("()I", 0, 0, a -> bytes(0xb1)));
        check("unexpected return value", one("()V", 1, 0, a -> bytes(0x03, 0xac)));
        check("wrong return kind", one("()J", 1, 0, a -> bytes(0x03, 0xac)));
        check("falls off the end", one("()V", 1, 0, a -> bytes(0x03, 0x57)));
        check("uninitialized receiver", one("()I", 2, 0, a -> bytes(0xbb, u2(a.cls("java/lang/Object")),
                0xb6, u2(a.method("java/lang/Object", "hashCode", "()I")), 0xac)));
        check("wrong <init>", one("()V", 2, 0, a -> bytes(0xbb, u2(a.cls("java/lang/Object")),
                0xb7, u2(a.method("java/lang/String", "<init>", "()V")), 0xb1)));
        check("long halves", one("()I", 2, 2, a -> bytes(0x09, 0x3f, 0x1b, 0xac)));
        check("pop half a long", one("()V", 2, 0, a -> bytes(0x09, 0x57, 0xb1)));
        check("int array as Object[]", one("()Ljava/lang/Object;", 2, 0, a -> bytes(0x04, 0xbc, 10, 0x03, 0x32, 0xb0)));
        check("arraylength of String", one("()I", 1, 0, a -> bytes(0x12, a.str("s"), 0xbe, 0xac)));
        check("throw a String", one("()V", 1, 0, a -> bytes(0x12, a.str("s"), 0xbf)));
        check("no frame at branch target", one("()V", 1, 0, a -> bytes(0x03, 0x99, u2(3), 0xb1)));
        check("inconsistent frame at branch target", inconsistentBranch());
        check("no frame after goto", noFrameAfterGoto());
        check("handler frame mismatch", handlerMismatch());
        check("constructor without super()", constructorWithoutSuper());
        check("protected clone through Object", protectedClone());
        check("fall-through into a mismatching frame", fallThroughMismatch());
        check("catch type not a Throwable", catchString());
        check("protected field through another class", protectedField());
        check("valid code", valid());
        // Uncaught: the first stderr line and the exit status are HotSpot's.
        Asm last = one("()V", 1, 0, a -> bytes(0x0b, 0x59, 0xb1));
        Class<?> c = new Loader().define(last.build());
        try {
            Class.forName(c.getName(), true, c.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new RuntimeException(e);
        }
    }

    /** ifeq to a frame that wants an int in local 0, which is unset. */
    static Asm inconsistentBranch() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        // 0: iconst_0  1: ifeq 4  4: return; frame at 4: full_frame locals [int] stack []
        byte[] code = bytes(0x03, 0x99, u2(3), 0xb1);
        a.addMethod(PUBLIC_STATIC, "m", "()V", 1, 1, code, 1, bytes(255, u2(4), u2(1), 1, u2(0)));
        return a;
    }

    static Asm noFrameAfterGoto() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        // 0: goto 4  3: nop  4: return; frame at 4 only
        byte[] code = bytes(0xa7, u2(4), 0x00, 0xb1);
        a.addMethod(PUBLIC_STATIC, "m", "()V", 0, 0, code, 1, bytes(4));
        return a;
    }

    /** The handler's frame claims local 0 is a String; it holds an int. */
    static Asm handlerMismatch() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        int str = a.cls("java/lang/String");
        int thr = a.cls("java/lang/Throwable");
        // 0: iconst_0 1: istore_0 2: aconst_null 3: athrow 4: pop 5: return
        byte[] code = bytes(0x03, 0x3b, 0x01, 0xbf, 0x57, 0xb1);
        byte[] frames = bytes(255, u2(4), u2(1), 7, u2(str), u2(1), 7, u2(thr));
        a.addMethod(PUBLIC_STATIC, "m", "()V", 1, 1, code, 1, frames, new int[]{2, 4, 4, thr});
        return a;
    }

    static Asm fallThroughMismatch() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        // 0: iconst_0 1: pop 2: return; frame at 2 wants an int in the unset local 0
        a.addMethod(PUBLIC_STATIC, "m", "()V", 1, 1, bytes(0x03, 0x57, 0xb1), 1, bytes(255, u2(2), u2(1), 1, u2(0)));
        return a;
    }

    static Asm catchString() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        int str = a.cls("java/lang/String");
        // 0: aconst_null 1: athrow 2: pop 3: return; handler [0, 2) -> 2 catching String
        a.addMethod(PUBLIC_STATIC, "m", "()V", 1, 0, bytes(0x01, 0xbf, 0x57, 0xb1), 1,
                bytes(64 + 2, 7, u2(str)), new int[]{0, 2, 2, str});
        return a;
    }

    /** AbstractList.modCount is protected (java.util): readable only through the current class. */
    static Asm protectedField() {
        Asm a = new Asm("p/Case" + (n++), "java/util/AbstractList");
        a.addMethod(PUBLIC_STATIC, "m", "()I", 2, 0, bytes(0xbb, u2(a.cls("java/util/ArrayList")), 0x59,
                0xb7, u2(a.method("java/util/ArrayList", "<init>", "()V")),
                0xb4, u2(a.field("java/util/AbstractList", "modCount", "I")), 0xac), 0, null);
        return a;
    }

    static Asm constructorWithoutSuper() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        a.addMethod(0x1, "<init>", "()V", 0, 1, bytes(0xb1), 0, null);
        a.addMethod(PUBLIC_STATIC, "m", "()Ljava/lang/Object;", 2, 0, bytes(0xbb, u2(a.cls(a.name)), 0x59,
                0xb7, u2(a.method(a.name, "<init>", "()V")), 0xb0), 0, null);
        return a;
    }

    static Asm protectedClone() {
        Asm a = new Asm("p/Case" + (n++), "java/lang/Object");
        a.addMethod(PUBLIC_STATIC, "m", "()Ljava/lang/Object;", 2, 0, bytes(0xbb, u2(a.cls("java/lang/Object")), 0x59,
                0xb7, u2(a.method("java/lang/Object", "<init>", "()V")),
                0xb6, u2(a.method("java/lang/Object", "clone", "()Ljava/lang/Object;")), 0xb0), 0, null);
        return a;
    }

    /**
     * Well-typed: a loop summing 0..9 into a long (frames with a long local), a handler that
     * catches the ArithmeticException of 1/0, a constructor called on a new object.
     */
    static Asm valid() {
        Asm a = new Asm("Case" + (n++), "java/lang/Object");
        int ae = a.cls("java/lang/ArithmeticException");
        int sb = a.cls("java/lang/StringBuilder");
        int init = a.method("java/lang/StringBuilder", "<init>", "()V");
        int appendJ = a.method("java/lang/StringBuilder", "append", "(J)Ljava/lang/StringBuilder;");
        int toStr = a.method("java/lang/StringBuilder", "toString", "()Ljava/lang/String;");
        int str = a.cls("java/lang/String");
        // locals: 0-1 long sum, 2 int i
        //  0: lconst_0  1: lstore_0  2: iconst_0  3: istore_2
        //  4: iload_2 5: bipush 10 7: if_icmpge 20
        // 10: lload_0 11: iload_2 12: i2l 13: ladd 14: lstore_0 15: iinc 2 1 18: goto 4
        // 21(!) -- computed below
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        c.writeBytes(bytes(0x09, 0x3f, 0x03, 0x3d));            // 0..3
        c.writeBytes(bytes(0x1c, 0x10, 10, 0xa2, u2(14)));       // 4: iload_2, 5: bipush, 7: if_icmpge -> 21
        c.writeBytes(bytes(0x1e, 0x1c, 0x85, 0x61, 0x3f));       // 10..14
        c.writeBytes(bytes(0x84, 2, 1, 0xa7, u2(-14 & 0xffff)));  // 15: iinc, 18: goto 4
        // 21: iconst_1 22: iconst_0 23: idiv 24: pop 25: goto 29
        c.writeBytes(bytes(0x04, 0x03, 0x6c, 0x57, 0xa7, u2(4)));
        // 28: astore_2 (handler, stack [ArithmeticException])
        c.writeBytes(bytes(0x4d));
        // 29: new StringBuilder 32: dup 33: invokespecial <init> 36: lload_0 37: invokevirtual append(J)
        // 40: invokevirtual toString 43: areturn
        c.writeBytes(bytes(0xbb, u2(sb), 0x59, 0xb7, u2(init), 0x1e, 0xb6, u2(appendJ), 0xb6, u2(toStr), 0xb0));
        // Frames: 4 append(long,int); 21 same; 28 same_locals_1_stack_item(ArithmeticException); 29 same... but
        // local 2 differs between the paths (int / ArithmeticException): chop it at 29.
        byte[] frames = bytes(
                253, u2(4), 4, 1,                  // pc 4: locals [long, int]
                16,                                // pc 21 (4 + 16 + 1): same
                64 + 6, 7, u2(ae),                 // pc 28 (21 + 6 + 1): stack [ArithmeticException]
                250, u2(0));                       // pc 29: chop 1 -> locals [long]
        a.addMethod(PUBLIC_STATIC, "m", "()Ljava/lang/String;", 4, 3, c.toByteArray(), 4, frames, new int[]{21, 25, 28, ae});
        return a;
    }
}
