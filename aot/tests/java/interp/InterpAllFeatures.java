import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Run by aot/tests/interp_all.rs with its classes interpreted (roast build --interpret-program). */
public class InterpAllFeatures {
    enum Suit { CLUBS, DIAMONDS, HEARTS, SPADES }

    record Card(Suit suit, int rank, boolean face, double weight) {}

    static class Counter {
        private int n;
        int next() { return ++n; }
    }

    class Inner {
        int twice() { return base * 2; }
    }

    int base = 21;

    interface Greeter {
        String PREFIX = InterpAllFeatures.trace("Greeter.PREFIX");

        private String secret() { return PREFIX + "-secret"; }

        default String greet() { return secret(); }
    }

    static class Impl implements Greeter {
        static { trace("Impl.<clinit>"); }
    }

    static String trace(String s) {
        System.out.println("init " + s);
        return s;
    }

    static String describe(Object o) {
        return o.toString();
    }

    static String color(Suit s) {
        switch (s) {
            case HEARTS:
            case DIAMONDS:
                return "red";
            default:
                return "black";
        }
    }

    public static void main(String[] args) throws Exception {
        Card[] cards = new Card[4];
        for (Suit s : Suit.values()) {
            cards[s.ordinal()] = new Card(s, s.ordinal() + 10, s.ordinal() > 1, s.ordinal() * 0.5);
        }
        System.out.println(Arrays.toString(cards));
        System.out.println(cards.getClass().getName() + " " + cards.getClass().getComponentType().getSimpleName());
        Card[][] grid = new Card[2][3];
        System.out.println(grid.length + "x" + grid[1].length + " " + grid.getClass().getSimpleName());
        Object[] objects = cards;
        try {
            objects[0] = "not a card";
        } catch (ArrayStoreException e) {
            System.out.println("ArrayStoreException: " + e.getMessage());
        }
        System.out.println(cards[1].equals(new Card(Suit.DIAMONDS, 11, false, 0.5)) + " "
                + (cards[1].hashCode() == new Card(Suit.DIAMONDS, 11, false, 0.5).hashCode()) + " "
                + cards[1].equals(cards[2]));
        for (Suit s : Suit.values()) {
            System.out.print(color(s) + " ");
        }
        System.out.println();
        Counter c = new Counter();
        c.next();
        System.out.println("counter " + c.next() + ", inner " + new InterpAllFeatures().new Inner().twice());
        ClassLoader app = InterpAllFeatures.class.getClassLoader();
        System.out.println("app loader: " + (app != null) + " " + (app == ClassLoader.getSystemClassLoader())
                + " " + (Counter.class.getClassLoader() == app) + " " + (String.class.getClassLoader() == null));
        Class<?> byName = Class.forName("InterpAllFeatures$Counter");
        System.out.println("forName: " + (byName == Counter.class) + " " + byName.getSimpleName());
        List<Card> list = new ArrayList<>(Arrays.asList(cards));
        list.sort((a, b) -> Integer.compare(b.rank(), a.rank()));
        System.out.println(list.get(0).suit() + " first; " + list.toArray(new Card[0]).length);
        boolean[][] flags = {{true, false}, {false}};
        System.out.println(flags[0][0] + " " + flags[1].length + " " + flags.getClass().getName());
        System.out.println(new Impl().greet());
        try {
            describe(null);
        } catch (NullPointerException e) {
            System.out.println("NPE: " + e.getMessage());
        }
        Suit[] copy = Suit.values().clone();
        System.out.println(copy.length + " " + Suit.valueOf("SPADES").compareTo(Suit.CLUBS));
        throw new IllegalStateException("done " + cards.length);
    }
}
