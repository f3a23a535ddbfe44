/** Exceptions: throw and catch through several frames, finally blocks, custom exception types. Size: n. */
public class Exceptions {
    static final class ValidationException extends Exception {
        final int code;

        ValidationException(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    static int validate(int v) throws ValidationException {
        if (v % 3 == 0) {
            throw new ValidationException(v % 7);
        }
        return v * 2;
    }

    static int level2(int v) throws ValidationException {
        try {
            return validate(v) + 1;
        } finally {
            counter++;
        }
    }

    static int level1(int v) {
        try {
            return level2(v);
        } catch (ValidationException e) {
            return -e.code;
        }
    }

    static int counter;

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long sum = 0;
        int caughtNpe = 0;
        for (int i = 0; i < n; i++) {
            sum += level1(i);
            if ((i & 1023) == 0) {
                try {
                    Object o = (i & 2048) == 0 ? null : "x";
                    sum += o.hashCode();
                } catch (NullPointerException e) {
                    caughtNpe++;
                }
            }
        }
        System.out.println("sum " + sum + " finally " + counter + " npe " + caughtNpe);
    }
}
