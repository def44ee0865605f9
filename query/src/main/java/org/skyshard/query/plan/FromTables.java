package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * The FROM clause of one SELECT as the planner needs it: the table instances by alias, the
 * conditions of its inner joins, and whether it holds anything else (subqueries, outer joins
 * that preserve the right side).
 */
final class FromTables {
  /** One table in a FROM clause. */
  record Instance(String alias, String spelled, List<String> names, boolean optional) {
    String table() {
      return names.get(names.size() - 1);
    }

    String schema() {
      return names.size() > 1 ? names.get(names.size() - 2) : null;
    }
  }

  final List<Instance> instances = new ArrayList<>();
  final List<SqlNode> innerConditions = new ArrayList<>();
  boolean hasSubquery;
  boolean hasRightOrFull;

  static FromTables of(SqlNode from) {
    FromTables f = new FromTables();
    f.walk(from, false);
    return f;
  }

  private void walk(SqlNode node, boolean optional) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlJoin join) {
      JoinType type = join.getJoinType();
      boolean leftOptional = optional || type == JoinType.RIGHT || type == JoinType.FULL;
      boolean rightOptional = optional || type == JoinType.LEFT || type == JoinType.FULL;
      if (type == JoinType.RIGHT || type == JoinType.FULL) {
        hasRightOrFull = true;
      }
      walk(join.getLeft(), leftOptional);
      walk(join.getRight(), rightOptional);
      if (join.getCondition() != null) {
        if (type == JoinType.INNER || type == JoinType.COMMA || type == JoinType.CROSS) {
          innerConditions.add(join.getCondition());
        } else {
          outerConditions.add(join.getCondition());
        }
      }
      return;
    }
    if (node instanceof SqlIdentifier id) {
      instances.add(new Instance(lower(last(id)), last(id), id.names, optional));
      return;
    }
    if (node instanceof SqlBasicCall call && call.getKind() == SqlKind.AS) {
      SqlNode inner = call.operand(0);
      SqlIdentifier alias = call.operand(1);
      if (inner instanceof SqlIdentifier id) {
        instances.add(new Instance(lower(last(alias)), last(alias), id.names, optional));
        return;
      }
    }
    hasSubquery = true;
  }

  final List<SqlNode> outerConditions = new ArrayList<>();

  Instance byAlias(String alias) {
    for (Instance i : instances) {
      if (i.alias().equals(lower(alias))) {
        return i;
      }
    }
    return null;
  }

  private static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
