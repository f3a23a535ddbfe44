/*
 * roast SDK replacement for java.security.AccessController. roast does not support the
 * Security Manager (deprecated for removal since Java 17), so there are no access-control
 * contexts to capture or check: privileged actions simply run. HotSpot's version walks the
 * stack through VM natives and drags the whole policy machinery into every program.
 */
package java.security;

public final class AccessController {
    private AccessController() {}

    public static <T> T doPrivileged(PrivilegedAction<T> action) {
        return action.run();
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedAction<T> action) {
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedAction<T> action, AccessControlContext context) {
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedAction<T> action, AccessControlContext context, Permission... perms) {
        checkPerms(perms);
        return action.run();
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedAction<T> action, AccessControlContext context,
            Permission... perms) {
        checkPerms(perms);
        return action.run();
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action) throws PrivilegedActionException {
        return runChecked(action);
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedExceptionAction<T> action)
            throws PrivilegedActionException {
        return runChecked(action);
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action, AccessControlContext context)
            throws PrivilegedActionException {
        return runChecked(action);
    }

    public static <T> T doPrivileged(PrivilegedExceptionAction<T> action, AccessControlContext context,
            Permission... perms) throws PrivilegedActionException {
        checkPerms(perms);
        return runChecked(action);
    }

    public static <T> T doPrivilegedWithCombiner(PrivilegedExceptionAction<T> action, AccessControlContext context,
            Permission... perms) throws PrivilegedActionException {
        checkPerms(perms);
        return runChecked(action);
    }

    private static void checkPerms(Permission[] perms) {
        if (perms == null) {
            throw new NullPointerException("null permissions parameter");
        }
        for (Permission p : perms) {
            if (p == null) {
                throw new NullPointerException("permission can't be null");
            }
        }
    }

    private static <T> T runChecked(PrivilegedExceptionAction<T> action) throws PrivilegedActionException {
        try {
            return action.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new PrivilegedActionException(e);
        }
    }

    public static AccessControlContext getContext() {
        return new AccessControlContext(new ProtectionDomain[0]);
    }

    /** Without a Security Manager every permission is granted. */
    public static void checkPermission(Permission perm) throws AccessControlException {
        if (perm == null) {
            throw new NullPointerException("permission can't be null");
        }
    }

    static AccessControlContext getInheritedAccessControlContext() {
        return null;
    }
}
