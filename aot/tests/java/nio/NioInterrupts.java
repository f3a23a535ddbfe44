import java.nio.ByteBuffer;
import java.nio.channels.*;
import java.nio.file.*;

/** Interruptible file channels: an interrupt closes the channel the thread uses (before or
 *  during the I/O) with ClosedByInterruptException; closing a channel under another thread's
 *  I/O ends that I/O with a ClosedChannelException (AsynchronousCloseException when it was
 *  inside the call). */
public class NioInterrupts {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("niointr");
        Path f = Files.writeString(dir.resolve("data"), "0123456789");
        FileChannel ch = FileChannel.open(f, StandardOpenOption.READ);
        Thread.currentThread().interrupt();
        try {
            ch.read(ByteBuffer.allocate(4));
            System.out.println("read despite interrupt");
        } catch (ClosedByInterruptException e) {
            System.out.println("self-interrupt: " + e.getClass().getSimpleName() + " open " + ch.isOpen()
                    + " interrupted " + Thread.interrupted());
        }

        FileChannel out = FileChannel.open(dir.resolve("sink"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        String[] outcome = new String[1];
        Object started = new Object();
        boolean[] running = {false};
        Thread writer = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocate(1024);
            try {
                while (true) {
                    synchronized (started) { running[0] = true; started.notifyAll(); }
                    b.clear();
                    out.write(b, 0);
                }
            } catch (ClosedByInterruptException e) {
                outcome[0] = "writer: ClosedByInterruptException interrupted " + Thread.currentThread().isInterrupted();
            } catch (Exception e) {
                outcome[0] = "writer: unexpected " + e;
            }
        });
        writer.start();
        synchronized (started) { while (!running[0]) started.wait(); }
        writer.interrupt();
        writer.join();
        System.out.println(outcome[0] + ", channel open " + out.isOpen());

        FileChannel shared = FileChannel.open(dir.resolve("sink"), StandardOpenOption.WRITE);
        running[0] = false;
        Thread closer = new Thread(() -> {
            ByteBuffer b = ByteBuffer.allocate(1024);
            try {
                while (true) {
                    synchronized (started) { running[0] = true; started.notifyAll(); }
                    b.clear();
                    shared.write(b, 0);
                }
            } catch (ClosedChannelException e) {
                outcome[0] = "other thread closed the channel: ClosedChannelException family " + Thread.currentThread().isInterrupted();
            } catch (Exception e) {
                outcome[0] = "unexpected " + e;
            }
        });
        closer.start();
        synchronized (started) { while (!running[0]) started.wait(); }
        shared.close();
        closer.join();
        System.out.println(outcome[0]);

        Files.delete(dir.resolve("sink"));
        Files.delete(f);
        Files.delete(dir);
        System.out.println("done " + Files.exists(dir));
    }
}
