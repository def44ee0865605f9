package org.skyshard.query.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table placeholders of fragment SQL, as the workers substitute them:
 * {@code {{chunk:T}}}, {@code {{narrow:T}}} (the chunk's narrow copy), {@code {{margin:T}}},
 * {@code {{table:T}}}, {@code {{upload:N}}}. The
 * planner writes trees with marker identifiers and turns them into placeholders at the end.
 */
public final class Placeholders {
  private static final String PREFIX = "__skyshard_";
  private static final Pattern MARKER = Pattern.compile(
      "\"" + PREFIX + "(chunk|narrow|margin|table|upload)__([^\"]+)\"");
  /** A placeholder in fragment SQL: group 1 the kind, group 2 the table. */
  public static final Pattern PLACEHOLDER = Pattern.compile(
      "\\{\\{(chunk|narrow|margin|table|upload):([^}]+)}}");

  private Placeholders() {}

  static String marker(String kind, String table) {
    return PREFIX + kind.toLowerCase(Locale.ROOT) + "__" + table;
  }

  /** Replaces marker identifiers by placeholders. */
  static String fromMarkers(String sql) {
    Matcher m = MARKER.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement("{{" + m.group(1) + ":" + m.group(2)
          + "}}"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
