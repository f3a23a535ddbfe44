import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Lambdas and streams: IntStream pipelines, boxed streams, collectors, captured lambdas. Size: n. */
public class Streams {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        IntUnaryOperator square = x -> x * x;
        long sumSquares = 0;
        for (int round = 0; round < 10; round++) {
            int offset = round;
            sumSquares += IntStream.range(0, n).map(square).filter(x -> (x + offset) % 3 == 0).asLongStream().sum();
        }
        List<String> words = IntStream.range(0, n / 10).mapToObj(i -> "w" + (i % 113)).collect(Collectors.toList());
        Map<Integer, Long> byLength = words.stream().collect(Collectors.groupingBy(String::length, Collectors.counting()));
        String joined = words.stream().distinct().sorted().limit(5).collect(Collectors.joining(","));
        System.out.println("squares " + sumSquares + " lengths " + byLength + " first " + joined);
    }
}
