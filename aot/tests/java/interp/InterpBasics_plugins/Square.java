public class Square extends InterpBasics.Shape {
    protected final double side;

    public Square(String label, double side) {
        super(label);
        this.side = side;
    }

    @Override
    public double area() {
        return side * side;
    }

    @Override
    public String kind() {
        return "square(" + calls + ")";
    }
}
