import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strings: builds a JSON-like document with StringBuilder, then parses it back with a small
 * recursive-descent parser (charAt, substring, Integer.parseInt, maps and lists). Size: records.
 */
public class Json {
    static String build(int records) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < records; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("{\"id\":").append(i).append(",\"name\":\"item-").append(i * 7 % 1000)
                    .append("\",\"tags\":[\"a").append(i % 3).append("\",\"b").append(i % 5)
                    .append("\"],\"price\":").append(i % 97).append('}');
        }
        return sb.append(']').toString();
    }

    static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        Object value() {
            char c = s.charAt(pos);
            if (c == '{') {
                return object();
            } else if (c == '[') {
                return array();
            } else if (c == '"') {
                return string();
            }
            return number();
        }

        Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            pos++;
            while (s.charAt(pos) != '}') {
                String key = string();
                pos++; // ':'
                m.put(key, value());
                if (s.charAt(pos) == ',') {
                    pos++;
                }
            }
            pos++;
            return m;
        }

        List<Object> array() {
            List<Object> l = new ArrayList<>();
            pos++;
            while (s.charAt(pos) != ']') {
                l.add(value());
                if (s.charAt(pos) == ',') {
                    pos++;
                }
            }
            pos++;
            return l;
        }

        String string() {
            int start = ++pos;
            while (s.charAt(pos) != '"') {
                pos++;
            }
            return s.substring(start, pos++);
        }

        Integer number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            return Integer.parseInt(s.substring(start, pos));
        }
    }

    public static void main(String[] args) {
        int records = Integer.parseInt(args[0]);
        long total = 0, nameChars = 0, tags = 0;
        for (int round = 0; round < 5; round++) {
            String doc = build(records);
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) new Parser(doc).value();
            for (Object o : items) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                total += (Integer) m.get("price");
                nameChars += ((String) m.get("name")).length();
                tags += ((List<?>) m.get("tags")).size();
            }
        }
        System.out.println("total " + total + " nameChars " + nameChars + " tags " + tags);
    }
}
