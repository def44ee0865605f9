package org.skyshard.adql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads tab-separated files in PostgreSQL COPY text style (a header line; inside a field
 * {@code \n} is a newline, {@code \t} a tab and {@code \\} a backslash), as the query corpora
 * use.
 */
public final class Tsv {
  private Tsv() {}

  /** The rows, each a map from header name to decoded field. */
  public static List<Map<String, String>> read(Reader in) throws IOException {
    BufferedReader reader = new BufferedReader(in);
    String header = reader.readLine();
    if (header == null) {
      return List.of();
    }
    String[] names = header.split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      String[] fields = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        row.put(names[i], i < fields.length ? decode(fields[i]) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** Decodes the COPY escapes of one field. */
  public static String decode(String field) {
    StringBuilder sb = new StringBuilder(field.length());
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == '\\' && i + 1 < field.length()) {
        char n = field.charAt(++i);
        switch (n) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '\\' -> sb.append('\\');
          default -> sb.append('\\').append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
