package org.diwan.screening.training;

import java.util.HashMap;
import java.util.Map;

/** Reads one flat JSON object (string and number values), as in JSON Lines datasets. */
final class Json {

  private Json() {}

  static Map<String, String> flatObject(String line) {
    Map<String, String> out = new HashMap<>();
    int[] pos = {skip(line, 0)};
    expect(line, pos, '{');
    while (true) {
      pos[0] = skip(line, pos[0]);
      if (line.charAt(pos[0]) == '}') {
        return out;
      }
      String key = string(line, pos);
      pos[0] = skip(line, pos[0]);
      expect(line, pos, ':');
      pos[0] = skip(line, pos[0]);
      String value;
      if (line.charAt(pos[0]) == '"') {
        value = string(line, pos);
      } else {
        int start = pos[0];
        while (",} \t".indexOf(line.charAt(pos[0])) < 0) {
          pos[0]++;
        }
        value = line.substring(start, pos[0]);
      }
      out.put(key, value);
      pos[0] = skip(line, pos[0]);
      if (line.charAt(pos[0]) == ',') {
        pos[0]++;
      }
    }
  }

  private static String string(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = s.charAt(pos[0]++);
      if (c == '"') {
        return out.toString();
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = s.charAt(pos[0]++);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          out.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
          pos[0] += 4;
        }
        default -> out.append(e);
      }
    }
  }

  private static void expect(String s, int[] pos, char c) {
    if (s.charAt(pos[0]) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + pos[0]);
    }
    pos[0]++;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
