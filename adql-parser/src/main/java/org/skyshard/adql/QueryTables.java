package org.skyshard.adql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;

/**
 * The schema tables a parsed query names in its FROM clauses, by the alias (or table name) they
 * are known by; used to word errors and suggestions.
 */
final class QueryTables {
  private QueryTables() {}

  /** Alias (lower case) to table, in FROM order, over the whole query and its subqueries. */
  static Map<String, SchemaIndex.QualifiedTable> of(SqlNode query, SchemaIndex index) {
    Map<String, SchemaIndex.QualifiedTable> out = new LinkedHashMap<>();
    walk(query, index, out, 0);
    return out;
  }

  private static void walk(SqlNode node, SchemaIndex index,
      Map<String, SchemaIndex.QualifiedTable> out, int depth) {
    if (node == null || depth > 200) {
      return;
    }
    if (node instanceof SqlSelect select) {
      from(select.getFrom(), index, out, depth + 1);
      walkAll(select.getSelectList(), index, out, depth);
      walk(select.getWhere(), index, out, depth + 1);
      walk(select.getHaving(), index, out, depth + 1);
    } else if (node instanceof SqlWith with) {
      for (SqlNode item : with.withList) {
        walk(((SqlWithItem) item).query, index, out, depth + 1);
      }
      walk(with.body, index, out, depth + 1);
    } else if (node instanceof SqlNodeList list) {
      walkAll(list, index, out, depth);
    } else if (node instanceof SqlCall call) {
      for (SqlNode operand : call.getOperandList()) {
        walk(operand, index, out, depth + 1);
      }
    }
  }

  private static void walkAll(SqlNodeList list, SchemaIndex index,
      Map<String, SchemaIndex.QualifiedTable> out, int depth) {
    if (list != null) {
      for (SqlNode n : list) {
        walk(n, index, out, depth + 1);
      }
    }
  }

  private static void from(SqlNode node, SchemaIndex index,
      Map<String, SchemaIndex.QualifiedTable> out, int depth) {
    if (node == null || depth > 200) {
      return;
    }
    if (node instanceof SqlJoin join) {
      from(join.getLeft(), index, out, depth + 1);
      from(join.getRight(), index, out, depth + 1);
      walk(join.getCondition(), index, out, depth + 1);
    } else if (node instanceof SqlIdentifier id) {
      index.table(id.names).ifPresent(t -> out.put(last(id.names), t));
    } else if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      SqlNode inner = call.operand(0);
      SqlIdentifier alias = call.operand(1);
      if (inner instanceof SqlIdentifier id) {
        index.table(id.names).ifPresent(t -> out.put(last(alias.names), t));
      } else {
        walk(inner, index, out, depth + 1);
      }
    } else {
      walk(node, index, out, depth + 1);
    }
  }

  private static String last(List<String> names) {
    return names.get(names.size() - 1).toLowerCase(Locale.ROOT);
  }
}
