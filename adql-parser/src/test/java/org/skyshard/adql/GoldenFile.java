package org.skyshard.adql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A golden file of cases, reviewed as diffs: each case is {@code == name}, the ADQL, then
 * {@code -- output} and the expected output. The test computes every output and compares the
 * whole file; run with {@code -Dskyshard.golden.regenerate=true} to rewrite the file in
 * {@code src/test/resources} with the actual outputs, then review the diff.
 */
final class GoldenFile {
  static final String REGENERATE = "skyshard.golden.regenerate";

  /** One case. */
  record Case(String name, String input, String expected) {}

  private GoldenFile() {}

  static Path source(String name) {
    return Path.of("src/test/resources/org/skyshard/adql/golden", name);
  }

  static List<Case> read(Path file) throws IOException {
    List<Case> cases = new ArrayList<>();
    String name = null;
    StringBuilder input = new StringBuilder();
    StringBuilder output = null;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("== ")) {
        if (name != null) {
          cases.add(new Case(name, input.toString().strip(), output == null ? ""
              : output.toString().strip()));
        }
        name = line.substring(3).strip();
        input = new StringBuilder();
        output = null;
      } else if (line.equals("-- output") && name != null) {
        output = new StringBuilder();
      } else if (name == null) {
        continue;
      } else if (output != null) {
        output.append(line).append('\n');
      } else {
        input.append(line).append('\n');
      }
    }
    if (name != null) {
      cases.add(new Case(name, input.toString().strip(), output == null ? ""
          : output.toString().strip()));
    }
    return cases;
  }

  static String write(String header, List<Case> cases, Function<Case, String> actual) {
    StringBuilder sb = new StringBuilder(header);
    for (Case c : cases) {
      sb.append("== ").append(c.name()).append('\n').append(c.input()).append('\n')
          .append("-- output\n").append(actual.apply(c).strip()).append("\n\n");
    }
    return sb.toString();
  }

  static String header(Path file) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("== ")) {
        break;
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** The query with {@code ^} before the error's first and after its last character. */
  static String caret(String query, AdqlException e) {
    String[] lines = query.split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      StringBuilder l = new StringBuilder(line);
      if (n == e.endLine()) {
        l.insert(Math.min(e.endColumn(), l.length()), '^');
      }
      if (n == e.line()) {
        l.insert(Math.min(e.column() - 1, l.length()), '^');
      }
      sb.append(i == 0 ? "" : "\n").append(l);
    }
    return sb.toString();
  }
}
