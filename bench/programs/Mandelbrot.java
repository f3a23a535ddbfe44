/** Numeric: Mandelbrot set membership on an n x n grid, counted (tight double loops). Size: n. */
public class Mandelbrot {
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        long inside = 0;
        int checksum = 0;
        for (int y = 0; y < n; y++) {
            double ci = 2.0 * y / n - 1.0;
            int rowBits = 0;
            for (int x = 0; x < n; x++) {
                double cr = 2.0 * x / n - 1.5;
                double zr = 0, zi = 0;
                int i = 0;
                while (i < 50 && zr * zr + zi * zi <= 4.0) {
                    double t = zr * zr - zi * zi + cr;
                    zi = 2.0 * zr * zi + ci;
                    zr = t;
                    i++;
                }
                if (i == 50) {
                    inside++;
                    rowBits = rowBits * 31 + x;
                }
            }
            checksum = checksum * 17 + rowBits;
        }
        System.out.println("inside " + inside + " checksum " + checksum);
    }
}
