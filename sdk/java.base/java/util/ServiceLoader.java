/*
 * roast SDK replacement for java.util.ServiceLoader. HotSpot's discovers providers through
 * the module graph (`provides` clauses of the boot layer's modules) and class loaders
 * (META-INF/services resources), which needs ClassLoader, module layers and resources a
 * roast executable does not have. roast compiles java.base and the program's classes only:
 * java.base provides no service that java.base itself looks up, and roast does not read
 * META-INF/services yet, so every lookup finds no provider (an empty iteration). JDK code
 * then takes its documented no-provider path (e.g. CLDRLocaleProviderAdapter uses only the
 * locale data in java.base). A lookup of a service the program itself declares would need
 * the program's META-INF/services, which roast does not read yet: it fails loudly with
 * UnsupportedOperationException instead of answering "no providers". The public API and its
 * argument checks are HotSpot's.
 */
package java.util;

import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

public final class ServiceLoader<S> implements Iterable<S> {
    private final Class<S> service;

    /** A service provider located by a ServiceLoader (as in the JDK). */
    public static interface Provider<S> extends Supplier<S> {
        Class<? extends S> type();

        @Override
        S get();
    }

    private ServiceLoader(Class<S> service) {
        this.service = Objects.requireNonNull(service, "Service interface cannot be null");
    }

    public static <S> ServiceLoader<S> load(Class<S> service, ClassLoader loader) {
        return new ServiceLoader<>(service);
    }

    public static <S> ServiceLoader<S> load(Class<S> service) {
        return new ServiceLoader<>(service);
    }

    public static <S> ServiceLoader<S> loadInstalled(Class<S> service) {
        return new ServiceLoader<>(service);
    }

    public static <S> ServiceLoader<S> load(ModuleLayer layer, Class<S> service) {
        Objects.requireNonNull(layer);
        return new ServiceLoader<>(service);
    }

    /** No providers for JDK services; program services are not supported yet. */
    public Iterator<S> iterator() {
        checkJdkService();
        return Collections.emptyIterator();
    }

    public Stream<Provider<S>> stream() {
        checkJdkService();
        return Stream.empty();
    }

    public Optional<S> findFirst() {
        checkJdkService();
        return Optional.empty();
    }

    /** Services declared by the program (unnamed module) may have providers roast cannot see. */
    private void checkJdkService() {
        if (!service.getModule().isNamed()) {
            throw new UnsupportedOperationException("roast: ServiceLoader for the program's service "
                    + service.getName() + " (META-INF/services, module provides) is not supported yet");
        }
    }

    public void reload() {
    }

    public String toString() {
        return "java.util.ServiceLoader[" + service.getName() + "]";
    }
}
