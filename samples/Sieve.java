import java.util.Arrays;

/** Integer algorithms: sieve of Eratosthenes, gcd, modular power, Collatz, digit sums. */
public class Sieve {
    static boolean[] sieve(int n) {
        boolean[] composite = new boolean[n + 1];
        composite[0] = composite[1] = true;
        for (int i = 2; (long) i * i <= n; i++) {
            if (!composite[i]) {
                for (int j = i * i; j <= n; j += i) composite[j] = true;
            }
        }
        return composite;
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    static long modPow(long base, long exp, long mod) {
        long result = 1;
        base %= mod;
        while (exp > 0) {
            if ((exp & 1) == 1) result = result * base % mod;
            base = base * base % mod;
            exp >>= 1;
        }
        return result;
    }

    static int collatzSteps(long n) {
        int steps = 0;
        while (n != 1) {
            n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
            steps++;
        }
        return steps;
    }

    public static void main(String[] args) {
        boolean[] composite = sieve(100_000);
        int count = 0;
        long sum = 0;
        int[] first = new int[15];
        for (int i = 2; i < composite.length; i++) {
            if (!composite[i]) {
                if (count < first.length) first[count] = i;
                count++;
                sum += i;
            }
        }
        System.out.println("first primes: " + Arrays.toString(first));
        System.out.println("primes below 100000: " + count + ", sum " + sum);
        int twins = 0;
        for (int i = 3; i + 2 < composite.length; i += 2) {
            if (!composite[i] && !composite[i + 2]) twins++;
        }
        System.out.println("twin prime pairs: " + twins);
        System.out.println("gcd(1071, 462) = " + gcd(1071, 462));
        System.out.println("gcd(2^40, 6^20) = " + gcd(1L << 40, 3_656_158_440_062_976L));
        System.out.println("3^200 mod 1000000007 = " + modPow(3, 200, 1_000_000_007L));
        int best = 1, bestSteps = 0;
        for (int n = 1; n < 10_000; n++) {
            int s = collatzSteps(n);
            if (s > bestSteps) { best = n; bestSteps = s; }
        }
        System.out.println("longest Collatz chain below 10000: " + best + " (" + bestSteps + " steps)");
        int overflow = Integer.MAX_VALUE;
        overflow += 1;
        System.out.println("Integer.MAX_VALUE + 1 = " + overflow);
        System.out.println("-7 / 2 = " + (-7 / 2) + ", -7 % 2 = " + (-7 % 2) + ", -7 >> 1 = " + (-7 >> 1)
                + ", -7 >>> 28 = " + (-7 >>> 28));
        System.out.println("Integer.toBinaryString(42) = " + Integer.toBinaryString(42)
                + ", bitCount = " + Integer.bitCount(42) + ", hex = " + Long.toHexString(-1L));
    }
}
