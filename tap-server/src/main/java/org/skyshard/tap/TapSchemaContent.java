package org.skyshard.tap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.TapSchema;

/**
 * The TAP_SCHEMA rows as served: {@link TapSchema#content} (which already derives the deprecated
 * {@code size} from the arraysize) with one TAP 1.1 detail taplint checks: a column whose name
 * ADQL reserves is listed delimited ({@code "size"}), as queries must write it. That belongs in
 * {@code TapSchema.content} once adql-parser's reserved-word list can be shared; this adapter
 * goes then.
 */
public final class TapSchemaContent {
  /** Reserved ADQL/SQL words that may name a column of a served schema. */
  private static final Set<String> RESERVED = Set.of("size", "value", "date", "time", "timestamp",
      "position", "user", "zone", "order", "group", "first", "last", "level", "section", "match",
      "min", "max", "sum", "avg", "count", "top", "offset", "year", "month", "day", "hour",
      "minute", "second", "names", "domain", "session", "current");

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
      columns.add(r);
    }
    content.put("columns", List.copyOf(columns));
    return content;
  }
}
