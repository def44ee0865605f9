package org.skyshard.query.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * The columns a single SELECT reads of each FROM instance, by lower-case alias: every identifier
 * {@code alias.column} anywhere in the query (select list, join conditions, WHERE, GROUP BY,
 * HAVING, ORDER BY). An unqualified name counts for every instance (it may be an output name;
 * counting it errs on the safe side); a star, and a NATURAL join (on every common column), count
 * as {@code *}.
 */
final class ReadColumns {
  static final String ALL = "*";

  private final Map<String, Set<String>> byAlias = new HashMap<>();
  private final Set<String> unqualified = new HashSet<>();

  private ReadColumns() {}

  /** The columns {@code query} reads, by lower-case alias. */
  static ReadColumns of(SqlNode query) {
    ReadColumns r = new ReadColumns();
    r.visit(query);
    return r;
  }

  /** The columns read of this instance (lower case), with the unqualified names. */
  Set<String> of(String alias) {
    Set<String> out = new HashSet<>(unqualified);
    out.addAll(byAlias.getOrDefault(alias.toLowerCase(Locale.ROOT), Set.of()));
    return out;
  }

  private void visit(SqlNode n) {
    if (n == null) {
      return;
    }
    if (n instanceof SqlIdentifier id) {
      String last = id.isStar() ? ALL : id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT);
      if (id.names.size() == 1) {
        unqualified.add(last);
      } else {
        byAlias.computeIfAbsent(id.names.get(id.names.size() - 2).toLowerCase(Locale.ROOT),
            k -> new HashSet<>()).add(last);
      }
    } else if (n instanceof SqlNodeList list) {
      list.forEach(this::visit);
    } else if (n instanceof SqlSelect s) {
      visit(s.getSelectList());
      visitFrom(s.getFrom());
      visit(s.getWhere());
      visit(s.getGroup());
      visit(s.getHaving());
      visit(s.getOrderList());
    } else if (n instanceof SqlOrderBy ob) {
      visit(ob.query);
      visit(ob.orderList);
    } else if (n instanceof SqlCall c && c.getKind() == SqlKind.AS) {
      visit(c.operand(0)); // operand 1 is the output name
    } else if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        if (!(o instanceof SqlIdentifier id && id.isStar())) { // COUNT(*) reads no column
          visit(o);
        }
      }
    }
  }

  /** FROM: only join conditions read columns; a derived table's query reads its own. */
  private void visitFrom(SqlNode from) {
    if (from instanceof SqlJoin j) {
      if (j.isNatural()) {
        unqualified.add(ALL); // joins on every common column: all of them count as read
      }
      visitFrom(j.getLeft());
      visitFrom(j.getRight());
      visit(j.getCondition());
    } else if (from instanceof SqlCall c && c.getKind() == SqlKind.AS) {
      if (!(c.operand(0) instanceof SqlIdentifier)) {
        visit(c.operand(0));
      }
    } else if (from != null && !(from instanceof SqlIdentifier)) {
      visit(from);
    }
  }
}
