public class Cube extends Square {
    public Cube(String label, double side) {
        super(label + "^3", side);
    }

    @Override
    public double area() {
        return 6 * super.area();
    }

    @Override
    public String kind() {
        return "cube<" + super.kind() + ">";
    }
}
