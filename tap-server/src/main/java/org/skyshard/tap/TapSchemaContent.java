package org.skyshard.tap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.TapSchema;

/**
 * The TAP_SCHEMA rows as served: {@link TapSchema#content} with two TAP 1.1 details that taplint
 * checks: a column whose name ADQL reserves is listed delimited ({@code "size"}), as queries
 * must write it; and the deprecated {@code size} follows the arraysize served ({@code 32*} and
 * {@code 32} give 32, {@code *} gives NULL, even when the Felis length says otherwise). Both belong in {@code TapSchema.content}; this adapter goes when it
 * does them.
 */
public final class TapSchemaContent {
  /** Reserved ADQL/SQL words that may name a column of a served schema. */
  private static final Set<String> RESERVED = Set.of("size", "value", "date", "time", "timestamp",
      "position", "user", "zone", "order", "group", "first", "last", "level", "section", "match",
      "min", "max", "sum", "avg", "count", "top", "offset", "year", "month", "day", "hour",
      "minute", "second", "names", "domain", "session", "current");
  private static final Pattern VECTOR = Pattern.compile("(\\d+)\\*?");

  private TapSchemaContent() {}

  /** The rows of every TAP_SCHEMA table for {@code served}, keyed as {@link TapSchema#content}. */
  public static Map<String, List<Object[]>> of(List<FelisSchema> served) {
    Map<String, List<Object[]>> content = new LinkedHashMap<>(TapSchema.content(served));
    List<Object[]> columns = new ArrayList<>();
    for (Object[] row : content.get("columns")) {
      Object[] r = row.clone();
      String name = (String) r[1];
      if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
        r[1] = "\"" + name + "\"";
      }
      Matcher m = r[3] == null ? null : VECTOR.matcher((String) r[3]);
      r[5] = m != null && m.matches() ? Integer.valueOf(m.group(1)) : null;
      columns.add(r);
    }
    content.put("columns", List.copyOf(columns));
    return content;
  }
}
