/**
 * Interface-heavy code: shapes behind two interfaces with five implementations, called through
 * interface and default methods in a megamorphic loop. Size: iterations (x 1000).
 */
public class Interfaces {
    interface Shape {
        double area();

        default double scaled(double f) {
            return area() * f;
        }
    }

    interface Named {
        String name();
    }

    record Circle(double r) implements Shape, Named {
        public double area() {
            return Math.PI * r * r;
        }

        public String name() {
            return "circle";
        }
    }

    record Square(double s) implements Shape, Named {
        public double area() {
            return s * s;
        }

        public String name() {
            return "square";
        }
    }

    record Rect(double w, double h) implements Shape, Named {
        public double area() {
            return w * h;
        }

        public String name() {
            return "rect";
        }
    }

    record Tri(double b, double h) implements Shape, Named {
        public double area() {
            return 0.5 * b * h;
        }

        public String name() {
            return "tri";
        }
    }

    static final class Ring implements Shape, Named {
        final Circle outer, inner;

        Ring(double r1, double r2) {
            outer = new Circle(r1);
            inner = new Circle(r2);
        }

        public double area() {
            return outer.area() - inner.area();
        }

        @Override
        public double scaled(double f) {
            return Shape.super.scaled(f) * 0.5;
        }

        public String name() {
            return "ring";
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Shape[] shapes = new Shape[1000];
        for (int i = 0; i < shapes.length; i++) {
            double d = 1 + i % 7;
            shapes[i] = switch (i % 5) {
                case 0 -> new Circle(d);
                case 1 -> new Square(d);
                case 2 -> new Rect(d, d + 1);
                case 3 -> new Tri(d, 2 * d);
                default -> new Ring(d + 1, d);
            };
        }
        double total = 0;
        long nameLengths = 0;
        for (int round = 0; round < n; round++) {
            for (Shape s : shapes) {
                total += s.scaled(1.0 + (round & 3));
                nameLengths += ((Named) s).name().length();
            }
        }
        System.out.printf("total %.4f names %d%n", total, nameLengths);
    }
}
