package org.skyshard.adql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Names for the result columns of the outermost SELECT: the validator's names, except that an
 * unnamed expression gets its function's name ({@code count}, {@code abs}) or {@code col_N}
 * rather than Calcite's {@code EXPR$N}; names stay unique.
 */
final class ColumnNames {
  private ColumnNames() {}

  static List<String> of(List<String> validatorNames, List<SqlNode> items) {
    Set<String> taken = new HashSet<>();
    for (String n : validatorNames) {
      if (!isGenerated(n)) {
        taken.add(n.toLowerCase(Locale.ROOT));
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < validatorNames.size(); i++) {
      String name = validatorNames.get(i);
      if (isGenerated(name)) {
        String base = i < items.size() ? baseName(items.get(i)) : null;
        String candidate = base != null ? base : "col_" + (i + 1);
        int k = 2;
        String unique = candidate;
        while (taken.contains(unique.toLowerCase(Locale.ROOT))) {
          unique = candidate + "_" + k++;
        }
        name = unique;
        taken.add(unique.toLowerCase(Locale.ROOT));
      }
      out.add(name);
    }
    return out;
  }

  private static boolean isGenerated(String name) {
    return name.startsWith("EXPR$");
  }

  private static String baseName(SqlNode item) {
    SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
    if (expr instanceof SqlCall call && call.getOperator().getKind() != SqlKind.CAST
        && call.getOperator().getName().matches("[A-Za-z_][A-Za-z0-9_]*")) {
      String name = call.getOperator().getName();
      return name.equals(name.toUpperCase(Locale.ROOT)) ? name.toLowerCase(Locale.ROOT) : name;
    }
    return null;
  }
}
