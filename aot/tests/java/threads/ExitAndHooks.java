// Process end: main returns while a non-daemon thread still works (the process waits for
// it), a daemon thread spinning forever does not keep the process alive, shutdown hooks run
// as threads after the last non-daemon thread, and System.exit from a worker thread exits
// with its status at once (the worker's finally block does not run).
public class ExitAndHooks {
    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("hook ran in " + Thread.currentThread().getName()), "hook-1"));
        Thread spinner = new Thread(() -> {
            while (true) Thread.onSpinWait();
        }, "spinner");
        spinner.setDaemon(true);
        spinner.start();
        Thread worker = new Thread(() -> {
            try {
                Thread.sleep(100);
                System.out.println("worker exiting with 7");
                System.exit(7);
            } catch (InterruptedException e) {
                System.out.println("worker interrupted");
            } finally {
                System.out.println("worker finally must not print");
            }
        }, "worker");
        worker.start();
        System.out.println("main returns");
    }
}
