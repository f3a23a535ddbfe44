/**
 * Small methods of other classes called in hot loops (String.length/charAt, a getter of
 * another program class, Math.min, Integer.valueOf): roast copies them into the caller's
 * unit so that LLVM can inline them. The program also throws from inside such callees:
 * stack traces and helpful NPE messages must be HotSpot's, inlined or not.
 */
public class CrossClassInline {
    static final class Point {
        private final int x;
        private final int y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }

        int getX() {
            return x;
        }

        int getY() {
            return y;
        }
    }

    static class Box {
        Point point;

        Point point() {
            return point;
        }
    }

    /** Counts `c` in `s`: the loop calls String.length() and String.charAt(int). */
    static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    static long sumPoints(Point[] points) {
        long sum = 0;
        for (Point p : points) {
            sum += Math.min(p.getX(), p.getY());
        }
        return sum;
    }

    static void printTrace(Throwable t) {
        System.out.println(t);
        for (StackTraceElement e : t.getStackTrace()) {
            System.out.println("\tat " + e);
        }
    }

    public static void main(String[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append((char) ('a' + i % 7));
        }
        String s = sb.toString();
        System.out.println(count(s, 'c'));
        System.out.println(count("h\u00e9llo w\u20acrld, \u20ac\u20ac", '\u20ac'));
        Point[] points = new Point[100];
        for (int i = 0; i < points.length; i++) {
            points[i] = new Point(i, 100 - i);
        }
        System.out.println(sumPoints(points));
        Integer boxed = Integer.valueOf(count(s, 'a'));
        System.out.println(boxed);
        // Exceptions raised inside small callees of other classes.
        try {
            System.out.println(s.charAt(5000));
        } catch (StringIndexOutOfBoundsException e) {
            printTrace(e);
        }
        try {
            System.out.println(count(null, 'a'));
        } catch (NullPointerException e) {
            printTrace(e);
        }
        try {
            Box box = new Box();
            System.out.println(box.point().getX());
        } catch (NullPointerException e) {
            printTrace(e);
        }
        try {
            points[3] = null;
            System.out.println(sumPoints(points));
        } catch (NullPointerException e) {
            printTrace(e);
        }
    }
}
