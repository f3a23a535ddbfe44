// Platform modules compiled in besides java.base: java.util.logging (java.logging) with
// handlers, levels and formatters, java.sql value types (java.sql); and the wall clock
// through Instant.now()/Clock (VM.getNanoTimeAdjustment).
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.*;

public class PlatformModules {
    public static void main(String[] args) {
        Logger logger = Logger.getLogger("roast.demo");
        logger.setUseParentHandlers(false);
        Handler handler = new StreamHandler(System.out, new Formatter() {
            @Override
            public String format(LogRecord r) {
                return "[" + r.getLoggerName() + "] " + r.getLevel() + ": " + formatMessage(r) + "\n";
            }
        });
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
        logger.info("hello");
        logger.fine("hidden at the default level");
        logger.setLevel(Level.FINE);
        logger.fine("shown after setLevel(FINE)");
        logger.log(Level.WARNING, "value {0} and {1}", new Object[] {42, "x"});
        logger.log(Level.SEVERE, "with a throwable", new IllegalStateException("boom"));
        handler.flush();
        System.out.println("parent: " + logger.getParent().getName().isEmpty() + ", level: " + logger.getLevel());
        System.out.println("known level: " + Level.parse("WARNING") + " " + Level.parse("800"));
        try {
            Level.parse("LOUD");
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
        }

        java.sql.Timestamp ts = java.sql.Timestamp.valueOf("2024-02-29 12:34:56.789");
        System.out.println("timestamp: " + ts + " nanos " + ts.getNanos() + " " + ts.toLocalDateTime());
        System.out.println("sql date: " + java.sql.Date.valueOf("2024-02-29").toLocalDate().getDayOfWeek());
        try {
            java.sql.Date.valueOf("29/02/2024");
        } catch (IllegalArgumentException e) {
            System.out.println("bad sql date: " + e);
        }

        long millis = System.currentTimeMillis();
        Instant now = Instant.now();
        Instant clock = Clock.systemUTC().instant();
        System.out.println("after 2024: " + now.isAfter(Instant.parse("2024-01-01T00:00:00Z")));
        System.out.println("agrees with currentTimeMillis: " + (Math.abs(now.toEpochMilli() - millis) < 5_000));
        System.out.println("clock not before now: " + !clock.isBefore(now));
        System.out.println("nanosecond field in range: " + (now.getNano() >= 0 && now.getNano() < 1_000_000_000));
        System.out.println("elapsed small: " + (Duration.between(now, Instant.now()).toSeconds() < 5));
    }
}
