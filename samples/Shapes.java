import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Records, an interface with default methods, lambdas, method references and streams. */
public class Shapes {
    interface Shape {
        double area();

        default String describe() {
            return String.format("%s with area %.2f", name(), area());
        }

        String name();
    }

    record Circle(double radius) implements Shape {
        public double area() { return Math.PI * radius * radius; }
        public String name() { return "circle"; }
    }

    record Rect(double width, double height) implements Shape {
        Rect {
            if (width < 0 || height < 0) throw new IllegalArgumentException("negative side");
        }
        public double area() { return width * height; }
        public String name() { return width == height ? "square" : "rectangle"; }
    }

    record Triangle(double base, double height) implements Shape {
        public double area() { return base * height / 2; }
        public String name() { return "triangle"; }
    }

    record Named<T>(String label, T value) {}

    public static void main(String[] args) {
        List<Shape> shapes = List.of(new Circle(1), new Rect(2, 3), new Triangle(4, 5),
                new Rect(2, 2), new Circle(0.5), new Triangle(3, 3));
        shapes.forEach(s -> System.out.println(s.describe()));
        System.out.println(shapes.get(1) + " equals Rect[2,3]: " + shapes.get(1).equals(new Rect(2, 3)));

        double total = shapes.stream().mapToDouble(Shape::area).sum();
        System.out.printf("total area %.3f%n", total);

        Map<String, Long> counts = shapes.stream()
                .collect(Collectors.groupingBy(Shape::name, TreeMap::new, Collectors.counting()));
        System.out.println("counts by kind: " + counts);

        List<String> sorted = shapes.stream()
                .sorted(Comparator.comparingDouble(Shape::area).reversed())
                .map(Shape::name)
                .collect(Collectors.toList());
        System.out.println("by area, largest first: " + sorted);

        Function<Double, Shape> square = side -> new Rect(side, side);
        Function<Shape, String> describe = Shape::describe;
        System.out.println(square.andThen(describe).apply(1.5));

        Named<Shape> biggest = shapes.stream()
                .max(Comparator.comparingDouble(Shape::area))
                .map(s -> new Named<>("biggest", s))
                .orElseThrow();
        System.out.println(biggest);

        String joined = shapes.stream().filter(s -> s.area() > 3).map(Object::toString)
                .collect(Collectors.joining("; ", "[", "]"));
        System.out.println("area > 3: " + joined);
        try {
            new Rect(-1, 2);
        } catch (IllegalArgumentException e) {
            System.out.println("rejected: " + e.getMessage());
        }
    }
}
