import java.io.*;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** java.io files: File attributes and listing, streams, readers/writers, RandomAccessFile, errors. */
public class FilesIo {
    public static void main(String[] args) throws IOException {
        File dir = new File("roast-files-test.tmp");
        System.out.println("mkdir " + dir.mkdir() + " again " + dir.mkdir() + " isDirectory " + dir.isDirectory()
                + " isFile " + dir.isFile() + " exists " + dir.exists());
        File f = new File(dir, "data.txt");
        try (PrintWriter w = new PrintWriter(new FileWriter(f, StandardCharsets.UTF_8))) {
            for (int i = 0; i < 5; i++) w.println("line " + i + " é");
        }
        System.out.println("length " + f.length() + " canRead " + f.canRead() + " canWrite " + f.canWrite()
                + " hidden " + f.isHidden() + " name " + f.getName() + " parent " + f.getParentFile().getName());
        try (BufferedReader r = new BufferedReader(new FileReader(f, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) System.out.println("read: " + line);
        }
        try (FileOutputStream out = new FileOutputStream(f, true)) {
            out.write("appended\n".getBytes(StandardCharsets.UTF_8));
            out.write('!');
        }
        try (FileInputStream in = new FileInputStream(f)) {
            System.out.println("available " + in.available() + " skip " + in.skip(10) + " first " + (char) in.read());
            byte[] rest = in.readAllBytes();
            System.out.println("rest " + rest.length + " ends with " + (char) rest[rest.length - 1] + " eof " + in.read());
        }
        try (RandomAccessFile raf = new RandomAccessFile(f, "rw")) {
            System.out.println("raf length " + raf.length() + " pointer " + raf.getFilePointer());
            raf.seek(5);
            System.out.println("raf char " + (char) raf.read() + " pointer " + raf.getFilePointer());
            raf.seek(raf.length());
            raf.writeInt(0x01020304);
            raf.setLength(raf.length() - 2);
            System.out.println("raf new length " + raf.length() + " pointer " + raf.getFilePointer());
        }
        File other = new File(dir, "moved.txt");
        System.out.println("rename " + f.renameTo(other) + " old exists " + f.exists() + " new exists " + other.exists());
        System.out.println("createNewFile " + new File(dir, "empty").createNewFile() + " again " + new File(dir, "empty").createNewFile());
        String[] names = dir.list();
        Arrays.sort(names);
        System.out.println("list " + Arrays.toString(names));
        System.out.println("setReadOnly " + other.setReadOnly() + " canWrite " + other.canWrite() + " setWritable " + other.setWritable(true));
        System.out.println("setLastModified " + other.setLastModified(1_000_000_000_000L) + " lastModified " + other.lastModified());
        System.out.println("canonical ends " + new File(dir, "x/../moved.txt").getCanonicalPath().endsWith(dir.getName() + "/moved.txt"));
        try {
            new FileInputStream(new File(dir, "missing.txt"));
        } catch (FileNotFoundException e) {
            System.out.println("missing: " + e.getMessage());
        }
        try {
            new FileInputStream(dir);
        } catch (FileNotFoundException e) {
            System.out.println("directory: " + e.getMessage());
        }
        FileInputStream closed = new FileInputStream(other);
        closed.close();
        try {
            closed.read();
        } catch (IOException e) {
            System.out.println("closed: " + e.getMessage());
        }
        for (String n : dir.list()) System.out.println("delete " + n + " " + new File(dir, n).delete());
        System.out.println("delete dir " + dir.delete() + " exists " + dir.exists() + " total space positive " + (dir.getAbsoluteFile().getParentFile().getTotalSpace() > 0));
    }
}
