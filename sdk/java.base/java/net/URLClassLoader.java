/*
 * roast SDK: URLClassLoader over file: URLs of directories (class files as
 * <dir>/<pkg>/<Name>.class) with the JDK's public behaviour for loading classes and
 * resources (findResource, findResources: file: URLs for directories, jar: URLs for jars,
 * opened by the JDK's protocol handlers), delegation to the parent first, and close().
 * The JDK's version goes through
 * URLClassPath, protocol handlers, code sources and access control. Jar URLs (and file
 * URLs not ending in '/') are read through java.util.jar.JarFile. Directory files are read
 * by runtime natives (runtime/src/interp/natives.rs), not through java.nio.file.
 */
package java.net;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

public class URLClassLoader extends SecureClassLoader implements Closeable {
    private final List<URL> urls = new ArrayList<>();
    private final List<JarFile> jars = new ArrayList<>();
    private boolean closed;

    public URLClassLoader(URL[] urls, ClassLoader parent) {
        super(parent);
        addAll(urls);
    }

    public URLClassLoader(URL[] urls) {
        super((ClassLoader) null);
        addAll(urls);
    }

    public URLClassLoader(String name, URL[] urls, ClassLoader parent) {
        super(name, parent);
        addAll(urls);
    }

    private void addAll(URL[] urls) {
        for (URL u : urls) {
            addURL(Objects.requireNonNull(u));
        }
    }

    protected void addURL(URL url) {
        if (url != null) {
            synchronized (urls) {
                urls.add(url);
                jars.add(null);
            }
        }
    }

    public URL[] getURLs() {
        synchronized (urls) {
            return urls.toArray(new URL[0]);
        }
    }

    public static URLClassLoader newInstance(URL[] urls, ClassLoader parent) {
        return new URLClassLoader(urls, parent);
    }

    public static URLClassLoader newInstance(URL[] urls) {
        return new URLClassLoader(urls);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = null;
        if (!closed) {
            try {
                bytes = read(name.replace('.', '/') + ".class");
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** The bytes of the resource {@code path} from the first URL that has it, or null. */
    private byte[] read(String path) throws IOException {
        int n;
        synchronized (urls) {
            n = urls.size();
        }
        for (int i = 0; i < n; i++) {
            URL u = urls.get(i);
            if (isDirectory(u)) {
                byte[] b = readFile0(directory(u) + path);
                if (b != null) {
                    return b;
                }
            } else {
                JarFile jar = jar(i);
                ZipEntry e = jar == null ? null : jar.getEntry(path);
                if (e != null) {
                    try (InputStream in = jar.getInputStream(e)) {
                        return in.readAllBytes();
                    }
                }
            }
        }
        return null;
    }

    private static boolean isDirectory(URL u) {
        return "file".equals(u.getProtocol()) && u.getPath().endsWith("/");
    }

    /** The directory of a file: URL ending in '/', as a path ending in '/'. */
    private static String directory(URL u) throws IOException {
        try {
            return u.toURI().getPath();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** The contents of a regular file, or null when there is none (read by the runtime). */
    private static native byte[] readFile0(String path);

    /** Does the file exist? */
    private static native boolean exists0(String path);

    private JarFile jar(int i) throws IOException {
        synchronized (urls) {
            JarFile j = jars.get(i);
            if (j == null) {
                URL u = urls.get(i);
                String file = u.getPath();
                if ("jar".equals(u.getProtocol()) && file.startsWith("file:") && file.endsWith("!/")) {
                    file = file.substring(5, file.length() - 2);
                } else if (!"file".equals(u.getProtocol())) {
                    return null;
                }
                if (!exists0(file)) {
                    return null;
                }
                j = new JarFile(file);
                jars.set(i, j);
            }
            return j;
        }
    }

    @Override
    public URL findResource(String name) {
        List<URL> found = find(name, true);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The resource {@code name} in every URL that has it, in URL order. */
    @Override
    public Enumeration<URL> findResources(String name) throws IOException {
        return Collections.enumeration(find(name, false));
    }

    /**
     * The URLs of resource {@code name} (the first only when {@code first}): for a directory
     * {@code <dir>/<name>} as a file: URL, for a jar {@code jar:<jar URL>!/<name>}, as
     * HotSpot's URLClassPath makes them. Unreadable jars are skipped, as HotSpot skips them.
     */
    private List<URL> find(String name, boolean first) {
        List<URL> found = new ArrayList<>();
        if (closed) {
            return found;
        }
        int n;
        synchronized (urls) {
            n = urls.size();
        }
        for (int i = 0; i < n && !(first && !found.isEmpty()); i++) {
            URL u = urls.get(i);
            try {
                if (isDirectory(u)) {
                    String p = directory(u) + name;
                    if (exists0(p)) {
                        found.add(new URL(u, name));
                    }
                } else {
                    JarFile jar = jar(i);
                    if (jar != null && jar.getEntry(name) != null) {
                        found.add(new URL("jar:" + u + "!/" + name));
                    }
                }
            } catch (IOException e) {
                // not readable from this URL: try the next one
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        synchronized (urls) {
            closed = true;
            IOException failure = null;
            for (JarFile j : jars) {
                if (j != null) {
                    try {
                        j.close();
                    } catch (IOException e) {
                        failure = e;
                    }
                }
            }
            jars.clear();
            if (failure != null) {
                throw failure;
            }
        }
    }
}
