package org.skyshard.adql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Maps Calcite's validator errors into the ADQL message catalogue, keeping their positions and
 * adding "did you mean" suggestions from the schema.
 */
final class ValidationErrors {
  private static final Pattern COLUMN_ANY = Pattern.compile("Column '(.+)' not found in any table");
  private static final Pattern COLUMN_IN = Pattern.compile(
      "Column '(.+)' not found in table '(.+)'");
  private static final Pattern OBJECT = Pattern.compile(
      "(?:Object|Table) '(.+?)' not found(?: within '(.+)')?");
  private static final Pattern AMBIGUOUS = Pattern.compile("Column '(.+)' is ambiguous");

  private ValidationErrors() {}

  static AdqlException map(CalciteContextException e, String adql, SqlNode parsed,
      SchemaIndex index) {
    SqlParserPos pos = new SqlParserPos(Math.max(1, e.getPosLine()), Math.max(1,
        e.getPosColumn()), Math.max(1, e.getEndPosLine()), Math.max(1, e.getEndPosColumn()));
    String message = e.getCause() != null && e.getCause().getMessage() != null
        ? e.getCause().getMessage() : String.valueOf(e.getMessage());
    Map<String, SchemaIndex.QualifiedTable> tables = QueryTables.of(parsed, index);
    Matcher m = COLUMN_ANY.matcher(message);
    if (m.matches()) {
      String column = m.group(1);
      List<String> candidates = new ArrayList<>();
      tables.values().forEach(t -> candidates.addAll(t.columnNames()));
      String where = tables.size() == 1 ? tables.values().iterator().next().qualifiedName() : null;
      return AdqlMessages.unknownColumn(pos, column, where,
          AdqlMessages.closest(column, candidates));
    }
    m = COLUMN_IN.matcher(message);
    if (m.matches()) {
      String column = m.group(1);
      SchemaIndex.QualifiedTable t = tables.get(m.group(2).toLowerCase(Locale.ROOT));
      if (t != null) {
        return AdqlMessages.unknownColumn(pos, column, t.qualifiedName() + (t.table().name()
            .equalsIgnoreCase(m.group(2)) ? "" : " (" + m.group(2) + ")"),
            AdqlMessages.closest(column, t.columnNames()));
      }
      return AdqlMessages.unknownColumn(pos, column, m.group(2), null);
    }
    m = OBJECT.matcher(message);
    if (m.matches()) {
      String written = slice(adql, pos);
      String name = written != null ? written : m.group(1);
      Collection<String> candidates = suggestionsFor(name, index);
      String suggestion = name.contains(".") ? AdqlMessages.closest(name, candidates)
          : candidates.stream().findFirst().orElse(null);
      return AdqlMessages.unknownTable(pos, name, suggestion);
    }
    m = AMBIGUOUS.matcher(message);
    if (m.matches()) {
      return AdqlMessages.ambiguousColumn(pos, m.group(1));
    }
    if (message.startsWith("Cannot apply")) {
      return AdqlMessages.typeError(pos, tidy(message));
    }
    return AdqlMessages.invalid(pos, tidy(message));
  }

  private static Collection<String> suggestionsFor(String name, SchemaIndex index) {
    List<String> qualified = index.qualifiedTableNames();
    if (name.contains(".")) {
      return qualified;
    }
    // A bare table name: suggest it qualified by its schema.
    List<String> matches = new ArrayList<>();
    for (String q : qualified) {
      String table = q.substring(q.lastIndexOf('.') + 1);
      if (EditDistance.between(table.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))
          <= Math.max(2, name.length() / 3)) {
        matches.add(q);
      }
    }
    return matches;
  }

  /** The text of the query between the positions (inclusive), or null. */
  static String slice(String text, SqlParserPos pos) {
    String[] lines = text.split("\n", -1);
    if (pos.getLineNum() != pos.getEndLineNum() || pos.getLineNum() > lines.length) {
      return null;
    }
    String line = lines[pos.getLineNum() - 1];
    int from = pos.getColumnNum() - 1;
    int to = pos.getEndColumnNum();
    if (from < 0 || to > line.length() || from >= to) {
      return null;
    }
    return line.substring(from, to).replace("\"", "");
  }

  private static String tidy(String calciteMessage) {
    String m = calciteMessage;
    int forms = m.indexOf(". Supported form(s)");
    if (forms > 0) {
      m = m.substring(0, forms);
    }
    return m.replace("EXPR$", "expression ").replace('\n', ' ');
  }
}
