class Switches {
    enum Color { RED, GREEN, BLUE }

    static int table(int x) {
        switch (x) {
            case 0: return 10;
            case 1: return 20;
            case 2:
            case 3: return 30;
            default: return -1;
        }
    }

    static int lookup(int x) {
        switch (x) {
            case -100: return 1;
            case 7: return 2;
            case 100000: return 3;
            default: return 0;
        }
    }

    static int strings(String s) {
        switch (s) {
            case "alpha": return 1;
            case "beta": return 2;
            default: return 0;
        }
    }

    static String enums(Color c) {
        switch (c) {
            case RED: return "r";
            case GREEN: return "g";
            default: return "b";
        }
    }

    static int arrow(int x) {
        return switch (x) {
            case 1, 2 -> x * 2;
            case 3 -> { int y = x + 1; yield y * y; }
            default -> 0;
        };
    }
}
