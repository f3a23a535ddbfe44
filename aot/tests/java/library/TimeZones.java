import java.text.SimpleDateFormat;
import java.time.*;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * Time zones from the JDK's tzdb.dat (embedded in the executable): the default zone, legacy
 * TimeZone rules, Date, Calendar and SimpleDateFormat, offsets of java.time. java.time region
 * zones (ZoneId.of("Europe/Paris"), ZoneId.systemDefault()) are left out: their rules
 * provider needs the system class loader (not available yet).
 */
public class TimeZones {
    public static void main(String[] args) {
        TimeZone tz = TimeZone.getDefault();
        System.out.println("default " + tz.getID() + " offset " + tz.getRawOffset());
        long t = 1_700_000_000_000L;
        for (String id : new String[] {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"}) {
            TimeZone z = TimeZone.getTimeZone(id);
            System.out.println(id + " offset " + z.getOffset(t) + " raw " + z.getRawOffset() + " dst " + z.inDaylightTime(new Date(t))
                    + " savings " + z.getDSTSavings());
        }
        System.out.println("date " + new Date(0L).getTime() + " / " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.ofEpochMilli(t).atOffset(ZoneOffset.ofHours(3))));
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("America/New_York"), Locale.US);
        c.setTimeInMillis(t);
        System.out.println("calendar " + c.get(Calendar.YEAR) + "-" + (c.get(Calendar.MONTH) + 1) + "-" + c.get(Calendar.DAY_OF_MONTH)
                + " " + c.get(Calendar.HOUR_OF_DAY) + "h dst " + c.get(Calendar.DST_OFFSET));
        c.set(2024, Calendar.JULY, 4, 12, 0, 0);
        System.out.println("july dst " + c.get(Calendar.DST_OFFSET) + " zone offset " + c.get(Calendar.ZONE_OFFSET));
        SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss Z", Locale.US);
        f.setTimeZone(TimeZone.getTimeZone("Asia/Kolkata"));
        System.out.println("formatted " + f.format(new Date(t)));
        System.out.println("unknown: " + TimeZone.getTimeZone("No/Such").getID() + " ids > 400: " + (TimeZone.getAvailableIDs().length > 400));
    }
}
