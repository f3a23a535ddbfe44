import java.io.*;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.nio.file.attribute.*;
import java.util.*;
import java.util.stream.*;

/** java.nio.file over the JDK's Unix provider: every Files operation a program commonly uses,
 *  with the exceptions (and messages) of failures. Paths are printed relative to the temporary
 *  directory, whose name is random. */
public class NioFiles {
    static Path root;

    static String rel(Object p) {
        String s = String.valueOf(p);
        return root == null ? s : s.replace(root.toString(), "<tmp>");
    }

    static String describe(Throwable t) {
        return t.getClass().getName() + ": " + rel(t.getMessage())
                + (t instanceof FileSystemException f && f.getOtherFile() != null ? " other=" + rel(f.getOtherFile()) : "");
    }

    interface Op { Object run() throws Exception; }

    static void attempt(String what, Op op) {
        try {
            System.out.println(what + " -> " + rel(op.run()));
        } catch (Exception e) {
            System.out.println(what + " !! " + describe(e));
        }
    }

    public static void main(String[] args) throws Exception {
        root = Files.createTempDirectory("niofiles");
        System.out.println("temp dir: isDirectory " + Files.isDirectory(root) + " name prefix "
                + root.getFileName().toString().startsWith("niofiles") + " parent " + root.getParent().equals(Path.of(System.getProperty("java.io.tmpdir"))));
        Path tf = Files.createTempFile(root, "pre", ".suf");
        String tn = tf.getFileName().toString();
        System.out.println("temp file: regular " + Files.isRegularFile(tf) + " size " + Files.size(tf)
                + " pattern " + (tn.startsWith("pre") && tn.endsWith(".suf")));
        System.out.println("temp file permissions " + PosixFilePermissions.toString(Files.getPosixFilePermissions(tf)));
        System.out.println("temp dir permissions " + PosixFilePermissions.toString(Files.getPosixFilePermissions(root)));

        directories();
        readWrite();
        channels();
        copyMove();
        attributes();
        listing();
        links();
        errors();

        // clean up, deepest first
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) Files.delete(p);
        }
        System.out.println("cleaned up: exists " + Files.exists(root) + " notExists " + Files.notExists(root));
    }

    static void directories() throws Exception {
        Path a = root.resolve("a");
        System.out.println("createDirectory " + rel(Files.createDirectory(a)) + " isDirectory " + Files.isDirectory(a));
        attempt("createDirectory again", () -> Files.createDirectory(a));
        Path deep = root.resolve("b/c/d");
        System.out.println("createDirectories " + rel(Files.createDirectories(deep)) + " " + Files.isDirectory(deep));
        System.out.println("createDirectories again " + rel(Files.createDirectories(deep)));
        attempt("createDirectory missing parent", () -> Files.createDirectory(root.resolve("x/y")));
        Files.writeString(root.resolve("plain"), "x");
        attempt("createDirectories through a file", () -> Files.createDirectories(root.resolve("plain/sub")));
        attempt("createFile", () -> Files.createFile(root.resolve("a/new.txt")));
        attempt("createFile again", () -> Files.createFile(root.resolve("a/new.txt")));
        attempt("createDirectory with permissions", () -> PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Files.createDirectory(root.resolve("perm"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---"))))));
    }

    static void readWrite() throws Exception {
        Path f = root.resolve("a/text.txt");
        Files.writeString(f, "héllo\nwörld\n");
        System.out.println("readString " + Files.readString(f).replace("\n", "|") + " size " + Files.size(f));
        System.out.println("readAllBytes " + Files.readAllBytes(f).length);
        System.out.println("readAllLines " + Files.readAllLines(f));
        Files.write(f, List.of("one", "two", "three"));
        Files.write(f, "four\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.writeString(f, "five\n", StandardOpenOption.APPEND);
        try (Stream<String> lines = Files.lines(f)) {
            System.out.println("lines " + lines.map(String::toUpperCase).collect(Collectors.joining(",")));
        }
        try (Stream<String> lines = Files.lines(f, StandardCharsets.ISO_8859_1)) {
            System.out.println("lines latin1 count " + lines.count());
        }
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("a/buffered.txt"))) {
            for (int i = 0; i < 2000; i++) { w.write("line " + i); w.newLine(); }
        }
        try (BufferedReader r = Files.newBufferedReader(root.resolve("a/buffered.txt"))) {
            String line; int n = 0; String last = null;
            while ((line = r.readLine()) != null) { n++; last = line; }
            System.out.println("buffered reader " + n + " lines, last " + last);
        }
        System.out.println("buffered size " + Files.size(root.resolve("a/buffered.txt")));
        try (OutputStream out = Files.newOutputStream(root.resolve("a/bin"))) {
            for (int i = 0; i < 100_000; i++) out.write(i);
            out.write(new byte[]{1, 2, 3}, 1, 2);
        }
        try (InputStream in = Files.newInputStream(root.resolve("a/bin"))) {
            long sum = 0; int b; int n = 0;
            byte[] chunk = new byte[777];
            int k;
            while ((k = in.read(chunk)) > 0) { for (int i = 0; i < k; i++) sum += chunk[i] & 0xff; n += k; }
            System.out.println("input stream " + n + " bytes sum " + sum + " eof " + in.read());
        }
        try (InputStream in = Files.newInputStream(root.resolve("a/bin"))) {
            System.out.println("skip " + in.skip(99_999) + " next " + in.read() + " available " + in.available());
        }
        try (OutputStream out = Files.newOutputStream(root.resolve("a/bin"), StandardOpenOption.APPEND)) {
            out.write(42);
        }
        System.out.println("appended size " + Files.size(root.resolve("a/bin")));
        try (OutputStream out = Files.newOutputStream(root.resolve("a/bin"))) {
            out.write(7);
        }
        System.out.println("truncated size " + Files.size(root.resolve("a/bin")));
        attempt("CREATE_NEW existing", () -> Files.newOutputStream(f, StandardOpenOption.CREATE_NEW));
        attempt("write without CREATE", () -> Files.write(root.resolve("a/none.txt"), new byte[1], StandardOpenOption.WRITE));
        attempt("readString missing", () -> Files.readString(root.resolve("missing.txt")));
        attempt("readAllBytes directory", () -> Files.readAllBytes(root.resolve("a")));
        attempt("newInputStream missing", () -> Files.newInputStream(root.resolve("a/missing")));
        attempt("newBufferedReader missing", () -> Files.newBufferedReader(root.resolve("a/missing")));
        attempt("newOutputStream into missing dir", () -> Files.newOutputStream(root.resolve("nodir/f")));
        attempt("newOutputStream READ", () -> Files.newOutputStream(f, StandardOpenOption.READ));
        attempt("malformed input", () -> {
            Files.write(root.resolve("a/bad"), new byte[]{(byte) 0xff, (byte) 0xfe});
            return Files.readString(root.resolve("a/bad"));
        });
    }

    static void channels() throws Exception {
        Path p = root.resolve("a/chan");
        try (SeekableByteChannel ch = Files.newByteChannel(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            ch.write(ByteBuffer.wrap("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)));
            System.out.println("channel position " + ch.position() + " size " + ch.size());
            ch.position(4);
            ByteBuffer b = ByteBuffer.allocate(6);
            ch.read(b);
            System.out.println("channel read " + new String(b.array(), StandardCharsets.US_ASCII) + " position " + ch.position());
            ch.truncate(10);
            System.out.println("truncated size " + ch.size() + " position " + ch.position());
            ch.position(20);
            ByteBuffer end = ByteBuffer.allocate(4);
            System.out.println("read past end " + ch.read(end));
            ch.write(ByteBuffer.wrap(new byte[]{'!'}));
            System.out.println("sparse size " + ch.size());
        }
        try (FileChannel fc = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer direct = ByteBuffer.allocateDirect(3);
            fc.read(direct, 1);
            direct.flip();
            System.out.println("positional read " + (char) direct.get() + (char) direct.get() + (char) direct.get() + " position " + fc.position());
            fc.write(ByteBuffer.wrap("XY".getBytes(StandardCharsets.US_ASCII)), 2);
            fc.force(true);
            ByteBuffer[] parts = {ByteBuffer.allocate(2), ByteBuffer.allocate(3)};
            fc.position(0);
            System.out.println("scatter read " + fc.read(parts) + " " + new String(parts[0].array(), StandardCharsets.US_ASCII) + "/" + new String(parts[1].array(), StandardCharsets.US_ASCII));
            MappedByteBuffer map = fc.map(FileChannel.MapMode.READ_ONLY, 0, 5);
            StringBuilder sb = new StringBuilder();
            while (map.hasRemaining()) sb.append((char) map.get());
            System.out.println("mapped " + sb);
            try (FileLock lock = fc.lock()) {
                System.out.println("lock valid " + lock.isValid() + " shared " + lock.isShared());
            }
            FileLock t = fc.tryLock(0, 4, false);
            System.out.println("tryLock " + (t != null));
            t.release();
            try (FileChannel out = FileChannel.open(root.resolve("a/chan-copy"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                System.out.println("transferTo " + fc.transferTo(0, fc.size(), out) + " copy size " + out.size());
            }
            try (FileChannel in = FileChannel.open(root.resolve("a/chan-copy"))) {
                fc.truncate(0);
                System.out.println("transferFrom " + fc.transferFrom(in, 0, 100) + " size " + fc.size());
            }
        }
        SeekableByteChannel closed = Files.newByteChannel(p);
        closed.close();
        attempt("read closed channel", () -> closed.read(ByteBuffer.allocate(1)));
        attempt("write read-only channel", () -> {
            try (SeekableByteChannel ro = Files.newByteChannel(p)) { return ro.write(ByteBuffer.allocate(1)); }
        });
    }

    static void copyMove() throws Exception {
        Path src = root.resolve("a/text.txt");
        Path dst = root.resolve("b/copy.txt");
        System.out.println("copy " + rel(Files.copy(src, dst)) + " same content " + Arrays.equals(Files.readAllBytes(src), Files.readAllBytes(dst)));
        attempt("copy onto existing", () -> Files.copy(src, dst));
        Files.writeString(root.resolve("b/other.txt"), "other");
        System.out.println("copy REPLACE_EXISTING " + rel(Files.copy(root.resolve("b/other.txt"), dst, StandardCopyOption.REPLACE_EXISTING)) + " " + Files.readString(dst));
        attempt("copy missing", () -> Files.copy(root.resolve("nothing"), root.resolve("b/x")));
        attempt("copy into missing dir", () -> Files.copy(src, root.resolve("nodir/x")));
        Files.setLastModifiedTime(src, FileTime.fromMillis(1_000_000_000_000L));
        Files.copy(src, root.resolve("b/attrs.txt"), StandardCopyOption.COPY_ATTRIBUTES);
        System.out.println("COPY_ATTRIBUTES time " + Files.getLastModifiedTime(root.resolve("b/attrs.txt")));
        System.out.println("copy directory " + rel(Files.copy(root.resolve("b/c"), root.resolve("b/c2"))) + " empty " + Files.list(root.resolve("b/c2")).count());
        System.out.println("copy from stream " + Files.copy(new ByteArrayInputStream(new byte[12345]), root.resolve("b/stream.bin")));
        attempt("copy from stream onto existing", () -> Files.copy(new ByteArrayInputStream(new byte[1]), root.resolve("b/stream.bin")));
        System.out.println("copy from stream REPLACE " + Files.copy(new ByteArrayInputStream(new byte[3]), root.resolve("b/stream.bin"), StandardCopyOption.REPLACE_EXISTING));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        System.out.println("copy to stream " + Files.copy(src, sink) + " " + sink.toString(StandardCharsets.UTF_8).lines().count() + " lines");

        Path moved = root.resolve("b/moved.txt");
        System.out.println("move " + rel(Files.move(dst, moved)) + " source exists " + Files.exists(dst) + " target " + Files.readString(moved));
        attempt("move onto existing", () -> Files.move(moved, root.resolve("b/other.txt")));
        System.out.println("move REPLACE_EXISTING " + rel(Files.move(moved, root.resolve("b/other.txt"), StandardCopyOption.REPLACE_EXISTING)));
        attempt("move missing", () -> Files.move(moved, root.resolve("b/again.txt")));
        System.out.println("move ATOMIC_MOVE " + rel(Files.move(root.resolve("b/other.txt"), root.resolve("b/atomic.txt"), StandardCopyOption.ATOMIC_MOVE)));
        System.out.println("move directory " + rel(Files.move(root.resolve("b/c2"), root.resolve("b/c3"))) + " " + Files.isDirectory(root.resolve("b/c3")));
        attempt("move directory onto non-empty", () -> Files.move(root.resolve("b/c3"), root.resolve("b/c"), StandardCopyOption.REPLACE_EXISTING));

        Path victim = Files.writeString(root.resolve("b/victim"), "v");
        Files.delete(victim);
        System.out.println("delete -> exists " + Files.exists(victim));
        attempt("delete missing", () -> { Files.delete(victim); return "deleted"; });
        System.out.println("deleteIfExists missing " + Files.deleteIfExists(victim));
        Files.writeString(victim, "v");
        System.out.println("deleteIfExists present " + Files.deleteIfExists(victim));
        attempt("delete non-empty directory", () -> { Files.delete(root.resolve("b")); return "deleted"; });
        attempt("deleteIfExists non-empty directory", () -> Files.deleteIfExists(root.resolve("b/c")));
        Files.createDirectory(root.resolve("b/empty"));
        System.out.println("delete empty directory " + Files.deleteIfExists(root.resolve("b/empty")));
    }

    static void attributes() throws Exception {
        Path f = root.resolve("a/text.txt");
        System.out.println("exists " + Files.exists(f) + " notExists " + Files.notExists(f) + " regular " + Files.isRegularFile(f)
                + " directory " + Files.isDirectory(f) + " symlink " + Files.isSymbolicLink(f) + " hidden " + Files.isHidden(f)
                + " readable " + Files.isReadable(f) + " writable " + Files.isWritable(f) + " executable " + Files.isExecutable(f));
        Path missing = root.resolve("missing");
        System.out.println("missing: exists " + Files.exists(missing) + " notExists " + Files.notExists(missing) + " regular " + Files.isRegularFile(missing) + " directory " + Files.isDirectory(missing));
        System.out.println("size " + Files.size(f) + " lastModified " + Files.getLastModifiedTime(f));
        Files.setLastModifiedTime(f, FileTime.fromMillis(1_234_567_890_123L));
        System.out.println("set lastModified " + Files.getLastModifiedTime(f) + " millis " + Files.getLastModifiedTime(f).toMillis());
        BasicFileAttributes b = Files.readAttributes(f, BasicFileAttributes.class);
        System.out.println("basic: size " + b.size() + " regular " + b.isRegularFile() + " dir " + b.isDirectory() + " other " + b.isOther()
                + " modified " + b.lastModifiedTime() + " fileKey " + (b.fileKey() != null));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        PosixFileAttributes px = Files.readAttributes(f, PosixFileAttributes.class);
        System.out.println("posix: " + PosixFilePermissions.toString(px.permissions()) + " owner matches " + px.owner().getName().equals(System.getProperty("user.name")));
        Map<String, Object> m = Files.readAttributes(f, "size,lastModifiedTime,isDirectory");
        System.out.println("map " + new TreeMap<>(m));
        System.out.println("attribute unix:nlink " + Files.getAttribute(f, "unix:nlink") + " mode " + Integer.toOctalString((Integer) Files.getAttribute(f, "unix:mode")));
        System.out.println("owner " + Files.getOwner(f).getName().equals(System.getProperty("user.name")));
        System.out.println("isSameFile " + Files.isSameFile(f, root.resolve("a/../a/text.txt")) + " " + Files.isSameFile(f, root.resolve("plain")));
        FileStore store = Files.getFileStore(f);
        System.out.println("file store: type " + store.type() + " name " + store.name() + " readOnly " + store.isReadOnly()
                + " total > 0 " + (store.getTotalSpace() > 0) + " usable <= total " + (store.getUsableSpace() <= store.getTotalSpace())
                + " posix view " + store.supportsFileAttributeView(PosixFileAttributeView.class)
                + " same store as root " + store.equals(Files.getFileStore(root)));
        attempt("getFileStore missing", () -> Files.getFileStore(missing));
        attempt("size missing", () -> Files.size(missing));
        attempt("getLastModifiedTime missing", () -> Files.getLastModifiedTime(missing));
        attempt("readAttributes missing", () -> Files.readAttributes(missing, BasicFileAttributes.class));
        attempt("setLastModifiedTime missing", () -> Files.setLastModifiedTime(missing, FileTime.fromMillis(0)));
        attempt("unknown attribute", () -> Files.getAttribute(f, "basic:color"));
    }

    static void listing() throws Exception {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("a"))) {
            List<String> names = new ArrayList<>();
            for (Path p : ds) names.add(p.getFileName().toString());
            Collections.sort(names);
            System.out.println("directory stream " + names + " secure " + (ds instanceof SecureDirectoryStream));
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("a"), "*.txt")) {
            List<String> names = new ArrayList<>();
            ds.forEach(p -> names.add(p.getFileName().toString()));
            Collections.sort(names);
            System.out.println("glob *.txt " + names);
        }
        try (Stream<Path> s = Files.list(root)) {
            System.out.println("list " + s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("pre")).sorted().collect(Collectors.toList()));
        }
        try (Stream<Path> s = Files.walk(root)) {
            System.out.println("walk " + s.map(p -> rel(root.relativize(p))).filter(n -> !n.startsWith("pre")).sorted().collect(Collectors.toList()));
        }
        try (Stream<Path> s = Files.walk(root, 1)) {
            System.out.println("walk depth 1 count " + s.count());
        }
        try (Stream<Path> s = Files.find(root, 10, (p, a) -> a.isDirectory())) {
            System.out.println("find dirs " + s.map(p -> rel(root.relativize(p))).sorted().collect(Collectors.toList()));
        }
        List<String> visited = new ArrayList<>();
        Files.walkFileTree(root.resolve("b"), new SimpleFileVisitor<>() {
            @Override public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) { visited.add("pre " + root.relativize(d)); return FileVisitResult.CONTINUE; }
            @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) { visited.add("file " + root.relativize(f) + " " + a.size()); return FileVisitResult.CONTINUE; }
        });
        Collections.sort(visited);
        System.out.println("walkFileTree " + visited);
        attempt("newDirectoryStream missing", () -> Files.newDirectoryStream(root.resolve("missing")));
        attempt("newDirectoryStream on a file", () -> Files.newDirectoryStream(root.resolve("plain")));
        attempt("list missing", () -> Files.list(root.resolve("missing")));
        attempt("walk missing", () -> Files.walk(root.resolve("missing")));
        DirectoryStream<Path> used = Files.newDirectoryStream(root);
        used.iterator();
        attempt("second iterator", () -> used.iterator());
        used.close();
    }

    static void links() throws Exception {
        Path target = root.resolve("a/text.txt");
        Path link = root.resolve("link");
        Files.createSymbolicLink(link, target);
        System.out.println("symlink: isSymbolicLink " + Files.isSymbolicLink(link) + " regular " + Files.isRegularFile(link)
                + " regular nofollow " + Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS) + " readSymbolicLink " + rel(Files.readSymbolicLink(link)));
        System.out.println("toRealPath " + rel(link.toRealPath()) + " nofollow " + rel(link.toRealPath(LinkOption.NOFOLLOW_LINKS)));
        Path dangling = root.resolve("dangling");
        Files.createSymbolicLink(dangling, root.resolve("nowhere"));
        System.out.println("dangling: exists " + Files.exists(dangling) + " nofollow " + Files.exists(dangling, LinkOption.NOFOLLOW_LINKS));
        attempt("createSymbolicLink existing", () -> Files.createSymbolicLink(link, target));
        attempt("readSymbolicLink not a link", () -> Files.readSymbolicLink(target));
        attempt("toRealPath missing", () -> root.resolve("missing").toRealPath());
        Path hard = root.resolve("hard");
        Files.createLink(hard, target);
        System.out.println("hard link nlink " + Files.getAttribute(target, "unix:nlink") + " same " + Files.isSameFile(hard, target));
        Files.delete(dangling);
        Files.delete(link);
        Files.delete(hard);
    }

    static void errors() throws Exception {
        attempt("delete root dir child of missing", () -> { Files.delete(root.resolve("missing/child")); return "?"; });
        attempt("createDirectory in /proc", () -> Files.createDirectory(Path.of("/proc/roast-nio-test")));
        attempt("write /proc/sys/kernel/version", () -> Files.writeString(Path.of("/proc/sys/kernel/version"), "x"));
        attempt("delete /proc/version", () -> { Files.delete(Path.of("/proc/version")); return "deleted"; });
        attempt("move /proc/version", () -> Files.move(Path.of("/proc/version"), root.resolve("v")));
        try {
            Files.createTempFile(root.resolve("missing"), "x", null);
        } catch (IOException e) {
            System.out.println("createTempFile in missing dir !! " + e.getClass().getName() + " " + rel(e.getMessage()).matches("<tmp>/missing/x[0-9]+\\.tmp"));
        }
        attempt("file as directory", () -> Files.readString(root.resolve("plain/child")));
        attempt("delete through file", () -> { Files.delete(root.resolve("plain/child")); return "?"; });
        System.out.println("Files.exists through file " + Files.exists(root.resolve("plain/child")));
    }
}
