import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** ArrayList, HashMap, TreeMap and ArrayDeque: building, sorting with comparators, iterating. */
public class Collections {
    record Person(String name, int age, String city) {}

    public static void main(String[] args) {
        List<Person> people = new ArrayList<>(List.of(
                new Person("Ada", 36, "London"), new Person("Linus", 28, "Helsinki"),
                new Person("Grace", 45, "New York"), new Person("Alan", 41, "London"),
                new Person("Barbara", 28, "Boston"), new Person("Ken", 52, "New York")));

        people.sort(Comparator.comparingInt(Person::age).thenComparing(Person::name));
        System.out.println("by age, then name:");
        for (Person p : people) System.out.println("  " + p.age() + " " + p.name());

        people.sort(Comparator.comparing(Person::city).thenComparing(Person::age, Comparator.reverseOrder()));
        System.out.println("by city, oldest first: " + people.stream().map(Person::name).toList());

        Map<String, List<String>> byCity = new HashMap<>();
        for (Person p : people) byCity.computeIfAbsent(p.city(), k -> new ArrayList<>()).add(p.name());
        System.out.println("London: " + byCity.get("London") + ", Paris: " + byCity.getOrDefault("Paris", List.of()));
        System.out.println("cities: " + new TreeMap<>(byCity).keySet());

        Map<String, Integer> wordCounts = new TreeMap<>();
        String text = "the quick brown fox jumps over the lazy dog the end";
        for (String w : text.split(" ")) wordCounts.merge(w, 1, Integer::sum);
        System.out.println("word counts: " + wordCounts);
        TreeMap<String, Integer> tree = (TreeMap<String, Integer>) wordCounts;
        System.out.println("first " + tree.firstKey() + ", last " + tree.lastKey()
                + ", before 'fox' " + tree.lowerKey("fox") + ", head(l) " + tree.headMap("l"));

        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> queue = new ArrayDeque<>();
        for (int i = 1; i <= 5; i++) {
            stack.push(i * i);
            queue.offer(i * i);
        }
        StringBuilder sb = new StringBuilder("stack pops:");
        while (!stack.isEmpty()) sb.append(' ').append(stack.pop());
        sb.append(" | queue polls:");
        while (!queue.isEmpty()) sb.append(' ').append(queue.poll());
        System.out.println(sb);

        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 20; i++) numbers.add((i * 7) % 20);
        for (Iterator<Integer> it = numbers.iterator(); it.hasNext();) {
            if (it.next() % 3 == 0) it.remove();
        }
        numbers.sort(null);
        System.out.println("not multiples of 3, sorted: " + numbers);
        numbers.sort(Comparator.reverseOrder());
        System.out.println("reversed: " + numbers.subList(0, 5) + " ... size " + numbers.size());

        Map<Integer, String> hash = new HashMap<>();
        for (int i = 0; i < 10; i++) hash.put(i * 31 % 17, "v" + i);
        int keySum = 0;
        for (Map.Entry<Integer, String> e : hash.entrySet()) keySum += e.getKey();
        System.out.println("hash map size " + hash.size() + ", key sum " + keySum + ", contains 14: " + hash.containsKey(14));
    }
}
