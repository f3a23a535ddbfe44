/*
 * roast SDK replacement for java.util.ServiceLoader. HotSpot's discovers providers in two
 * steps: the `provides` clauses of the module graph, then provider-configuration files
 * (META-INF/services/<service>) found through a class loader. A roast executable has no
 * module graph to search (java.base provides no service that java.base itself looks up), so
 * the first step finds nothing; the second runs as on HotSpot for a non-null class loader
 * (e.g. a URLClassLoader over plugin directories or jars): the loader's getResources, the
 * JDK's configuration-file syntax and error messages, Class.forName(name, false, loader),
 * the public no-argument constructor, lazy iteration with a provider cache, stream() of
 * Provider objects, reload().
 *
 * With a null loader (HotSpot: the system class loader; in roast every compiled class is a
 * boot class and the program's META-INF/services files are not looked up yet) JDK services
 * have no provider (the JDK takes its documented no-provider paths, e.g.
 * CLDRLocaleProviderAdapter uses only the locale data in java.base), and a service the
 * program itself declares fails loudly with UnsupportedOperationException instead of
 * answering "no providers".
 */
package java.util;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

public final class ServiceLoader<S> implements Iterable<S> {
    private static final String PREFIX = "META-INF/services/";

    private final Class<S> service;
    private final ClassLoader loader;

    /** Lookup state of iterator(): the lookup and the providers it instantiated, in order. */
    private Iterator<Provider<S>> lookupIterator1;
    private final List<S> instantiatedProviders = new ArrayList<>();
    /** Lookup state of stream(). */
    private Iterator<Provider<S>> lookupIterator2;
    private final List<Provider<S>> loadedProviders = new ArrayList<>();
    private boolean loadedAllProviders;
    private int reloadCount;

    /** A service provider located by a ServiceLoader (as in the JDK). */
    public static interface Provider<S> extends Supplier<S> {
        Class<? extends S> type();

        @Override
        S get();
    }

    private ServiceLoader(Class<S> service, ClassLoader loader) {
        this.service = Objects.requireNonNull(service);
        this.loader = loader;
    }

    public static <S> ServiceLoader<S> load(Class<S> service, ClassLoader loader) {
        return new ServiceLoader<>(service, loader);
    }

    public static <S> ServiceLoader<S> load(Class<S> service) {
        return new ServiceLoader<>(service, Thread.currentThread().getContextClassLoader());
    }

    public static <S> ServiceLoader<S> loadInstalled(Class<S> service) {
        return new ServiceLoader<>(service, null);
    }

    public static <S> ServiceLoader<S> load(ModuleLayer layer, Class<S> service) {
        Objects.requireNonNull(layer);
        return new ServiceLoader<>(service, null);
    }

    private static void fail(Class<?> service, String msg, Throwable cause) {
        throw new ServiceConfigurationError(service.getName() + ": " + msg, cause);
    }

    private static void fail(Class<?> service, String msg) {
        throw new ServiceConfigurationError(service.getName() + ": " + msg);
    }

    private static void fail(Class<?> service, URL u, int line, String msg) {
        fail(service, u + ":" + line + ": " + msg);
    }

    /** Services declared by the program (unnamed module) have no lookup without a loader yet. */
    private void checkNullLoader() {
        if (loader == null && !service.getModule().isNamed()) {
            throw new UnsupportedOperationException("roast: ServiceLoader for the program's service "
                    + service.getName() + " without a class loader (META-INF/services of the program, module provides)"
                    + " is not supported yet");
        }
    }

    /** The public no-argument constructor of a provider class (HotSpot's messages). */
    private Constructor<?> getConstructor(Class<?> clazz) {
        try {
            return clazz.getConstructor();
        } catch (Throwable x) {
            fail(service, clazz.getName() + " Unable to get public no-arg constructor", x);
            return null;
        }
    }

    /** A provider found in a configuration file: instantiated by its constructor on get(). */
    private static final class ProviderImpl<S> implements Provider<S> {
        final Class<S> service;
        final Class<? extends S> type;
        final Constructor<? extends S> ctor;

        ProviderImpl(Class<S> service, Class<? extends S> type, Constructor<? extends S> ctor) {
            this.service = service;
            this.type = type;
            this.ctor = ctor;
        }

        @Override
        public Class<? extends S> type() {
            return type;
        }

        @Override
        public S get() {
            try {
                return ctor.newInstance();
            } catch (Throwable x) {
                Throwable exc = x instanceof InvocationTargetException ? x.getCause() : x;
                fail(service, "Provider " + ctor.getDeclaringClass().getName() + " could not be instantiated", exc);
                return null;
            }
        }

        @Override
        public int hashCode() {
            return Objects.hash(service, type, null);
        }

        @Override
        public boolean equals(Object ob) {
            return ob instanceof ProviderImpl<?> that && this.service == that.service && this.type == that.type;
        }
    }

    /** Providers named by META-INF/services files of the loader, lazily, without duplicates. */
    private final class ClassPathLookupIterator implements Iterator<Provider<S>> {
        private final Set<String> providerNames = new HashSet<>();
        private Enumeration<URL> configs;
        private Iterator<String> pending;
        private Provider<S> nextProvider;
        private ServiceConfigurationError nextError;

        /** Reads one line; the names it adds; -1 at the end of the file. */
        private int parseLine(URL u, BufferedReader r, int lc, Set<String> names) throws IOException {
            String ln = r.readLine();
            if (ln == null) {
                return -1;
            }
            int ci = ln.indexOf('#');
            if (ci >= 0) {
                ln = ln.substring(0, ci);
            }
            ln = ln.trim();
            int n = ln.length();
            if (n != 0) {
                if (ln.indexOf(' ') >= 0 || ln.indexOf('\t') >= 0) {
                    fail(service, u, lc, "Illegal configuration-file syntax");
                }
                int cp = ln.codePointAt(0);
                if (!Character.isJavaIdentifierStart(cp)) {
                    fail(service, u, lc, "Illegal provider-class name: " + ln);
                }
                for (int i = Character.charCount(cp); i < n; i += Character.charCount(cp)) {
                    cp = ln.codePointAt(i);
                    if (!Character.isJavaIdentifierPart(cp) && cp != '.') {
                        fail(service, u, lc, "Illegal provider-class name: " + ln);
                    }
                }
                if (providerNames.add(ln)) {
                    names.add(ln);
                }
            }
            return lc + 1;
        }

        private Iterator<String> parse(URL u) {
            Set<String> names = new LinkedHashSet<>();
            try {
                URLConnection uc = u.openConnection();
                uc.setUseCaches(false);
                try (InputStream in = uc.getInputStream();
                        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    int lc = 1;
                    while ((lc = parseLine(u, r, lc, names)) >= 0) {
                        // next line
                    }
                }
            } catch (IOException x) {
                fail(service, "Error accessing configuration file", x);
            }
            return names.iterator();
        }

        private Class<?> nextProviderClass() {
            if (configs == null) {
                try {
                    configs = loader == null ? Collections.emptyEnumeration()
                            : loader.getResources(PREFIX + service.getName());
                } catch (IOException x) {
                    fail(service, "Error locating configuration files", x);
                }
            }
            while (pending == null || !pending.hasNext()) {
                if (!configs.hasMoreElements()) {
                    return null;
                }
                pending = parse(configs.nextElement());
            }
            String cn = pending.next();
            try {
                return Class.forName(cn, false, loader);
            } catch (ClassNotFoundException x) {
                fail(service, "Provider " + cn + " not found");
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        @Override
        public boolean hasNext() {
            while (nextProvider == null && nextError == null) {
                try {
                    Class<?> clazz = nextProviderClass();
                    if (clazz == null) {
                        return false;
                    }
                    if (clazz.getModule().isNamed()) {
                        continue;
                    }
                    if (service.isAssignableFrom(clazz)) {
                        Constructor<? extends S> ctor = (Constructor<? extends S>) getConstructor(clazz);
                        nextProvider = new ProviderImpl<S>(service, (Class<? extends S>) clazz, ctor);
                    } else {
                        fail(service, clazz.getName() + " not a subtype");
                    }
                } catch (ServiceConfigurationError e) {
                    nextError = e;
                }
            }
            return true;
        }

        @Override
        public Provider<S> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Provider<S> provider = nextProvider;
            if (provider != null) {
                nextProvider = null;
                return provider;
            }
            ServiceConfigurationError e = nextError;
            nextError = null;
            throw e;
        }
    }

    public Iterator<S> iterator() {
        checkNullLoader();
        if (lookupIterator1 == null) {
            lookupIterator1 = new ClassPathLookupIterator();
        }
        return new Iterator<S>() {
            final int expectedReloadCount = ServiceLoader.this.reloadCount;
            int index;

            private void checkReloadCount() {
                if (ServiceLoader.this.reloadCount != expectedReloadCount) {
                    throw new ConcurrentModificationException();
                }
            }

            @Override
            public boolean hasNext() {
                checkReloadCount();
                return index < instantiatedProviders.size() || lookupIterator1.hasNext();
            }

            @Override
            public S next() {
                checkReloadCount();
                S next;
                if (index < instantiatedProviders.size()) {
                    next = instantiatedProviders.get(index);
                } else {
                    next = lookupIterator1.next().get();
                    instantiatedProviders.add(next);
                }
                index++;
                return next;
            }
        };
    }

    public Stream<Provider<S>> stream() {
        checkNullLoader();
        if (loadedAllProviders) {
            return loadedProviders.stream();
        }
        if (lookupIterator2 == null) {
            lookupIterator2 = new ClassPathLookupIterator();
        }
        return StreamSupport.stream(new ProviderSpliterator(lookupIterator2), false);
    }

    /** Yields the cached providers, then looks up the rest (adding them to the cache). */
    private final class ProviderSpliterator implements Spliterator<Provider<S>> {
        final int expectedReloadCount = ServiceLoader.this.reloadCount;
        final Iterator<Provider<S>> iterator;
        int index;

        ProviderSpliterator(Iterator<Provider<S>> iterator) {
            this.iterator = iterator;
        }

        @Override
        public Spliterator<Provider<S>> trySplit() {
            return null;
        }

        @Override
        public boolean tryAdvance(Consumer<? super Provider<S>> action) {
            if (ServiceLoader.this.reloadCount != expectedReloadCount) {
                throw new ConcurrentModificationException();
            }
            Provider<S> next = null;
            if (index < loadedProviders.size()) {
                next = loadedProviders.get(index++);
            } else if (iterator.hasNext()) {
                next = iterator.next();
                loadedProviders.add(next);
                index++;
            } else {
                loadedAllProviders = true;
            }
            if (next != null) {
                action.accept(next);
                return true;
            }
            return false;
        }

        @Override
        public int characteristics() {
            return Spliterator.ORDERED + Spliterator.NONNULL;
        }

        @Override
        public long estimateSize() {
            return Long.MAX_VALUE;
        }
    }

    public Optional<S> findFirst() {
        Iterator<S> iterator = iterator();
        return iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }

    public void reload() {
        lookupIterator1 = null;
        instantiatedProviders.clear();
        lookupIterator2 = null;
        loadedProviders.clear();
        loadedAllProviders = false;
        reloadCount++;
    }

    public String toString() {
        return "java.util.ServiceLoader[" + service.getName() + "]";
    }
}
