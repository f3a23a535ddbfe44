/** The smallest roast program: prints a greeting and exits with status 0. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("Hello from roast!");
    }
}
