import java.util.function.IntSupplier;
import java.util.function.Function;

class Lambdas {
    static IntSupplier capture(int x) {
        return () -> x + 1;
    }

    static Function<String, Integer> ref() {
        return String::length;
    }

    static String concat(String a, int b, double c) {
        return a + b + "/" + c;
    }

    record Point(int x, int y) {}
}
