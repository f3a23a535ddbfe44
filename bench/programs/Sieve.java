/** Numeric: sieve of Eratosthenes over a boolean array, repeated. Size: limit. */
public class Sieve {
    static int countPrimes(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int count = 0;
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }

    public static void main(String[] args) {
        int limit = Integer.parseInt(args[0]);
        long total = 0;
        for (int round = 0; round < 10; round++) {
            total += countPrimes(limit - round);
        }
        System.out.println("primes " + countPrimes(limit) + " total " + total);
    }
}
