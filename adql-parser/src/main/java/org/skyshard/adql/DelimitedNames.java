package org.skyshard.adql;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * ADQL's rule that delimited identifiers are case-sensitive ({@code "objectId"} but not
 * {@code "objectid"}). Calcite matches names one way only (here case-insensitively, for regular
 * identifiers), so after validation each delimited reference must equal, exactly, a schema,
 * table or column name or a name the query defines.
 */
final class DelimitedNames {
  private DelimitedNames() {}

  static void check(AdqlParser.Parsed parsed, SchemaIndex index) {
    if (parsed.delimitedReferences().isEmpty()) {
      return;
    }
    Set<String> defined = parsed.defined();
    for (Token t : parsed.delimitedReferences()) {
      String name = t.text();
      if (defined.contains(name)) {
        continue;
      }
      String exact = spelling(name, index);
      if (exact != null && !exact.equals(name)) {
        throw AdqlMessages.delimitedCase(t.pos(), name, exact);
      }
    }
  }

  /** The schema's spelling of a name that matches case-insensitively, or null. */
  private static String spelling(String name, SchemaIndex index) {
    Map<String, String> found = new HashMap<>();
    String lower = name.toLowerCase(Locale.ROOT);
    for (FelisSchema s : index.schemas()) {
      consider(found, lower, name, s.name());
      for (Table t : s.tables()) {
        consider(found, lower, name, t.name());
        Column c = t.column(name).orElse(null);
        if (c != null) {
          consider(found, lower, name, c.name());
        }
      }
    }
    return found.containsKey(name) ? name : found.values().stream().findFirst().orElse(null);
  }

  private static void consider(Map<String, String> found, String lower, String name,
      String candidate) {
    if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
      found.put(candidate.equals(name) ? name : candidate, candidate);
    }
  }
}
