/*
 * roast SDK: URLs of the resources embedded in the executable (aot/src/resources.rs), so that
 * getResource/getResources work for them as for the class path on HotSpot: a URL
 * `roast-resource:/name` whose stream reads the embedded bytes. HotSpot's URL would name the
 * file or jar the resource came from, which the executable no longer has.
 *
 * Invariant: a URL is made only for a resource that exists; opening it never fails.
 */
package java.lang;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

final class RoastResourceURLs {
    static final String PROTOCOL = "roast-resource";

    private RoastResourceURLs() {
    }

    /** The URL of the embedded resource with this name, or null if there is none. */
    static URL find(String name) {
        if (RoastVM.resourceBytes(name) == null) {
            return null;
        }
        try {
            return new URL(PROTOCOL, "", -1, "/" + name, Handler.INSTANCE);
        } catch (MalformedURLException e) {
            throw new InternalError(e);
        }
    }

    /** Opens `roast-resource:` URLs (made only by find, with this handler). */
    private static final class Handler extends URLStreamHandler {
        static final Handler INSTANCE = new Handler();

        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            String name = u.getPath().startsWith("/") ? u.getPath().substring(1) : u.getPath();
            return new URLConnection(u) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    byte[] bytes = RoastVM.resourceBytes(name);
                    if (bytes == null) {
                        throw new java.io.FileNotFoundException(u.toString());
                    }
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public int getContentLength() {
                    byte[] bytes = RoastVM.resourceBytes(name);
                    return bytes == null ? -1 : bytes.length;
                }
            };
        }
    }
}
