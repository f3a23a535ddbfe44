/*
 * roast: the two Modules of a roast executable (see Class.getModule): java.base, with the
 * unqualified exports of JDK 17's java.base module descriptor (as `java --describe-module
 * java.base` lists them), and one unnamed module for the program's classes.
 *
 * HotSpot defines java.base from its module-info during startup; roast builds the Module
 * object lazily and records the exports in Module.exportedPackages, the map that
 * Module.isExported consults (the Module(ClassLoader, ModuleDescriptor) constructor records
 * none), so reflective access from program classes to public members of exported JDK
 * packages passes the JDK's checks as on HotSpot, and access to non-exported packages
 * (jdk.internal.*, sun.*) still fails. Qualified exports (to named JDK modules) are left out:
 * no other named module exists in a roast executable.
 */
package java.lang;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jdk.internal.misc.Unsafe;

final class RoastModules {
    private RoastModules() {}

    private static final String[] JAVA_BASE_EXPORTS = {
        "java.io", "java.lang", "java.lang.annotation", "java.lang.constant", "java.lang.invoke",
        "java.lang.module", "java.lang.ref", "java.lang.reflect", "java.lang.runtime", "java.math", "java.net",
        "java.net.spi", "java.nio", "java.nio.channels", "java.nio.channels.spi", "java.nio.charset",
        "java.nio.charset.spi", "java.nio.file", "java.nio.file.attribute", "java.nio.file.spi", "java.security",
        "java.security.cert", "java.security.interfaces", "java.security.spec", "java.text", "java.text.spi",
        "java.time", "java.time.chrono", "java.time.format", "java.time.temporal", "java.time.zone", "java.util",
        "java.util.concurrent", "java.util.concurrent.atomic", "java.util.concurrent.locks", "java.util.function",
        "java.util.jar", "java.util.random", "java.util.regex", "java.util.spi", "java.util.stream", "java.util.zip",
        "javax.crypto", "javax.crypto.interfaces", "javax.crypto.spec", "javax.net", "javax.net.ssl",
        "javax.security.auth", "javax.security.auth.callback", "javax.security.auth.login",
        "javax.security.auth.spi", "javax.security.auth.x500", "javax.security.cert",
    };

    private static Module javaBase;
    private static Module unnamed;

    static synchronized Module javaBase() {
        Module m = javaBase;
        if (m == null) {
            m = new Module(null, java.lang.module.ModuleDescriptor.newModule("java.base").build());
            Unsafe u = Unsafe.getUnsafe();
            Set<?> everyone;
            try {
                Field f = Module.class.getDeclaredField("EVERYONE_SET");
                everyone = (Set<?>) u.getReference(u.staticFieldBase(f), u.staticFieldOffset(f));
            } catch (NoSuchFieldException e) {
                throw new InternalError(e);
            }
            Map<String, Set<?>> exports = new HashMap<>();
            for (String pn : JAVA_BASE_EXPORTS) {
                exports.put(pn, everyone);
            }
            u.putReferenceVolatile(m, u.objectFieldOffset(Module.class, "exportedPackages"), exports);
            javaBase = m;
        }
        return m;
    }

    static synchronized Module unnamed() {
        Module m = unnamed;
        if (m == null) {
            m = new Module(null);
            unnamed = m;
        }
        return m;
    }
}
