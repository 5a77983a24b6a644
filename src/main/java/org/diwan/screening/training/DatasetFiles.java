package org.diwan.screening.training;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the datasets' files: CSV with Commons CSV, JSON Lines with Jackson. */
final class DatasetFiles {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private DatasetFiles() {}

  /**
   * The rows of an RFC 4180 file with the given delimiter: quoted fields may hold delimiters,
   * doubled quotes and newlines; blank lines are skipped.
   */
  static List<List<String>> csv(Path file, char delimiter) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    List<List<String>> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, format)) {
      for (CSVRecord record : parser) {
        rows.add(record.toList());
      }
    }
    return rows;
  }

  /** One JSON Lines object's members: strings as they are, numbers as written. */
  static Map<String, String> flatObject(String line) {
    Map<String, String> members = new HashMap<>();
    for (Map.Entry<String, JsonNode> member : JSON.readTree(line).properties()) {
      JsonNode value = member.getValue();
      members.put(member.getKey(), value.isString() ? value.asString() : value.toString());
    }
    return members;
  }
}
