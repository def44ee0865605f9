package org.skyshard.adql.corpus;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.adql.Tsv;

/**
 * Fills the {@code {placeholders}} of corpus queries (run-time values of the notebooks they come
 * from) from an ordered table of rules, read from a data file with the columns {@code match}
 * ({@code contains}, {@code equals} or {@code else}), {@code text}, {@code value} and
 * {@code list_value}. The first rule that matches the placeholder, braces included, gives its
 * value; after {@code IN} a placeholder stands for a list and takes {@code list_value} when the
 * rule has one.
 */
public final class Placeholders {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");

  private final List<Rule> rules;

  private Placeholders(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** One row of the table. */
  private record Rule(String match, String text, String value, String listValue) {
    boolean matches(String placeholder) {
      return switch (match) {
        case "contains" -> placeholder.contains(text);
        case "equals" -> placeholder.equals(text);
        default -> true;
      };
    }
  }

  /** No rules: for corpora without placeholders; a placeholder is an error. */
  public static Placeholders none() {
    return new Placeholders(List.of());
  }

  /**
   * Reads the rules.
   *
   * @throws IllegalArgumentException for a row whose {@code match} is none of the three, naming
   *     its line
   */
  public static Placeholders read(Reader tsv) throws IOException {
    List<Rule> rules = new ArrayList<>();
    int line = 1;
    for (Map<String, String> row : Tsv.read(tsv)) {
      line++;
      String match = row.getOrDefault("match", "");
      if (!List.of("contains", "equals", "else").contains(match)) {
        throw new IllegalArgumentException("placeholder rule " + line + ": match must be"
            + " contains, equals or else, not '" + match + "'");
      }
      rules.add(new Rule(match, row.getOrDefault("text", ""), row.getOrDefault("value", ""),
          row.getOrDefault("list_value", "")));
    }
    return new Placeholders(rules);
  }

  /**
   * {@code query} with each placeholder replaced by its value.
   *
   * @throws IllegalArgumentException for a placeholder no rule matches
   */
  public String fill(String query) {
    Matcher m = PLACEHOLDER.matcher(query);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      boolean list = query.substring(0, m.start()).stripTrailing().toUpperCase().endsWith(" IN");
      m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(), list)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private String value(String placeholder, boolean list) {
    for (Rule r : rules) {
      if (r.matches(placeholder)) {
        return list && !r.listValue().isEmpty() ? r.listValue() : r.value();
      }
    }
    throw new IllegalArgumentException("no value for placeholder " + placeholder);
  }
}
