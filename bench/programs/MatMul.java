/** Numeric: dense n x n double matrix multiplication (i-k-j order). Size: n. */
public class MatMul {
    static double[][] matrix(int n, int seed) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = ((i * 31 + j * 17 + seed) % 100) / 10.0;
            }
        }
        return m;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                double[] bk = b[k];
                for (int j = 0; j < n; j++) {
                    ci[j] += aik * bk[j];
                }
            }
        }
        return c;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        double[][] c = multiply(matrix(n, 1), matrix(n, 2));
        double trace = 0, sum = 0;
        for (int i = 0; i < n; i++) {
            trace += c[i][i];
            for (int j = 0; j < n; j++) {
                sum += c[i][j];
            }
        }
        System.out.printf("trace %.3f sum %.3f%n", trace, sum);
    }
}
