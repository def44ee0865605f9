package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Splits one chunk-local SELECT (the translator's DuckDB SQL read back as a tree) into the SQL
 * each chunk runs and the SQL the czar merges with (Qserv's parallel and merge statements):
 * partial aggregates (COUNT, SUM, MIN, MAX; AVG as SUM and COUNT) with GROUP BY, HAVING at the
 * merge, DISTINCT on both sides, ORDER BY with TOP as a per-chunk top-k, OFFSET at the merge.
 * Returns null (with a reason) for shapes it cannot split; the planner then gathers.
 */
final class FragmentSplitter {
  private static final Set<String> SPLITTABLE = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG");
  private static final Set<String> OTHER_AGGREGATES = Set.of("STDDEV", "STDDEV_POP",
      "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "MEDIAN", "MODE", "QUANTILE",
      "QUANTILE_CONT", "QUANTILE_DISC", "STRING_AGG", "LIST", "ARRAY_AGG", "FIRST", "LAST",
      "ANY_VALUE", "BIT_AND", "BIT_OR", "BIT_XOR", "BOOL_AND", "BOOL_OR", "COUNT_IF", "PRODUCT",
      "ARG_MIN", "ARG_MAX", "ARGMIN", "ARGMAX", "EVERY", "SOME", "COLLECT");
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  /** The split: fragment SQL (placeholders in) and merge. */
  record Split(String fragmentSql, MergePlan merge) {}

  /** How one FROM instance is read, by lower-case alias. */
  enum Read { CHUNK, NARROW, CHUNK_AND_MARGIN, TABLE, UPLOAD }

  private String reason;

  String reason() {
    return reason;
  }

  /**
   * @param query the parsed DuckDB SQL
   * @param reads how each FROM alias is read
   * @param hp29 extra fragment conditions ({@code _healpix_29} ranges and values)
   */
  Split split(SqlNode query, Map<String, Read> reads, List<SqlNode> hp29) {
    SqlSelect select;
    SqlNodeList order = null;
    SqlNode offset = null;
    SqlNode fetch = null;
    if (query instanceof SqlOrderBy ob && ob.query instanceof SqlSelect s) {
      select = s;
      order = ob.orderList;
      offset = ob.offset;
      fetch = ob.fetch;
    } else if (query instanceof SqlSelect s) {
      select = s;
    } else {
      return fail("the query is not a single SELECT");
    }
    if (select.getOrderList() != null && select.getOrderList().size() > 0) {
      order = select.getOrderList();
    }
    offset = select.getOffset() != null ? select.getOffset() : offset;
    fetch = select.getFetch() != null ? select.getFetch() : fetch;
    if (order != null && order.size() == 0) {
      order = null;
    }
    if (containsSelect(select.getSelectList()) || containsSelect(select.getWhere())
        || containsSelect(select.getHaving()) || containsSelect(order)
        || containsSelect(select.getGroup())) {
      return fail("the query has a subquery");
    }
    if (select.getWindowList() != null && select.getWindowList().size() > 0
        || containsKind(select.getSelectList(), SqlKind.OVER)) {
      return fail("the query has a window function");
    }
    Long limit = fetch == null ? null : number(fetch);
    Long skip = offset == null ? 0L : number(offset);
    if (fetch != null && limit == null || skip == null) {
      return fail("TOP or OFFSET is not a constant");
    }
    SqlNode from = substitute(select.getFrom(), reads);
    SqlNode where = select.getWhere();
    for (SqlNode c : hp29) {
      where = where == null ? c
          : org.apache.calcite.sql.fun.SqlStdOperatorTable.AND.createCall(POS, where, c);
    }
    List<SqlNode> items = new ArrayList<>(select.getSelectList().getList());
    List<String> names = new ArrayList<>();
    for (SqlNode item : items) {
      if (item.getKind() != SqlKind.AS) {
        return fail("a select item has no name");
      }
      names.add(((SqlIdentifier) ((SqlCall) item).operand(1)).getSimple());
    }
    boolean aggregate = select.getGroup() != null && select.getGroup().size() > 0
        || hasAggregate(select.getSelectList()) || select.getHaving() != null;
    if (aggregate) {
      return aggregate(select, from, where, items, names, order, skip, limit);
    }
    return plain(select, from, where, items, names, order, skip, limit);
  }

  private Split fail(String why) {
    reason = why;
    return null;
  }

  // ----------------------------------------------------------------------------- no aggregate

  private Split plain(SqlSelect select, SqlNode from, SqlNode where, List<SqlNode> items,
      List<String> names, SqlNodeList order, long skip, Long limit) {
    boolean distinct = select.isDistinct();
    List<SqlNode> fragItems = new ArrayList<>(items);
    List<SqlNode> mergeOrder = new ArrayList<>();
    if (order != null) {
      int hidden = 0;
      for (SqlNode o : order) {
        SqlNode inner = unwrapOrder(o);
        String name = outputName(inner, items, names);
        if (name == null) {
          if (distinct) {
            return fail("DISTINCT with ORDER BY on a column not selected");
          }
          name = "_o" + hidden++;
          fragItems.add(as(inner, name));
        }
        mergeOrder.add(rewrapOrder(o, ident(name)));
      }
    }
    boolean pushTopK = limit != null;
    SqlNodeList fragOrder = pushTopK && order != null ? order : null;
    SqlNode fragFetch = pushTopK ? SqlLiteral.createExactNumeric(
        Long.toString(skip + limit), POS) : null;
    SqlSelect fragment = new SqlSelect(POS, select.isDistinct() ? SqlNodeList.of(distinctKeyword()) : null,
        new SqlNodeList(fragItems, POS), from, where, null, null, null, null, fragOrder, null,
        fragFetch, null);
    String fragmentSql = DuckSql.unparse(fragment);
    if (!distinct && order == null) {
      return new Split(fragmentSql, MergePlan.concat(skip, limit == null ? -1 : limit));
    }
    StringBuilder merge = new StringBuilder("SELECT ");
    if (distinct) {
      merge.append("DISTINCT ");
    }
    merge.append(columnList(names)).append(" FROM \"").append(MergePlan.PARTIALS).append('"');
    appendOrderLimit(merge, mergeOrder, skip, limit);
    return new Split(fragmentSql, MergePlan.sql(merge.toString()));
  }

  // ----------------------------------------------------------------------------- aggregates

  private Split aggregate(SqlSelect select, SqlNode from, SqlNode where, List<SqlNode> items,
      List<String> names, SqlNodeList order, long skip, Long limit) {
    if (select.isDistinct()) {
      return fail("SELECT DISTINCT with aggregates");
    }
    List<SqlNode> keys = new ArrayList<>();
    if (select.getGroup() != null) {
      for (SqlNode g : select.getGroup()) {
        if (g instanceof SqlCall c && (c.getKind() == SqlKind.ROLLUP || c.getKind() == SqlKind.CUBE
            || c.getKind() == SqlKind.GROUPING_SETS)) {
          return fail("ROLLUP, CUBE or GROUPING SETS");
        }
        keys.add(resolveAlias(g, items, names));
      }
    }
    List<SqlNode> fragItems = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      fragItems.add(as(keys.get(i), "_g" + i));
    }
    Map<String, String> partialOf = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    SqlShuttle mergeRewrite = new SqlShuttle() {
      @Override
      public SqlNode visit(SqlCall call) {
        for (int i = 0; i < keys.size(); i++) {
          if (call.equalsDeep(keys.get(i), org.apache.calcite.util.Litmus.IGNORE)) {
            return ident("_g" + i);
          }
        }
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (SPLITTABLE.contains(name)) {
          if (call.getFunctionQuantifier() != null
              && call.getFunctionQuantifier().getValue().toString().equals("DISTINCT")) {
            problems.add(name + "(DISTINCT ...)");
            return call;
          }
          String key = call.toString();
          String p = partialOf.get(key);
          if (p == null) {
            p = "_a" + partialOf.size();
            partialOf.put(key, p);
            if (name.equals("AVG")) {
              SqlNode arg = call.operand(0);
              fragItems.add(as(fn("sum", arg), p + "s"));
              fragItems.add(as(fn("count", arg), p + "c"));
            } else {
              fragItems.add(as(call, p));
            }
          }
          return switch (name) {
            case "COUNT" -> parse(select.getGroup() == null || select.getGroup().size() == 0
                ? "CAST(coalesce(sum(\"" + p + "\"), 0) AS BIGINT)"
                : "CAST(sum(\"" + p + "\") AS BIGINT)");
            case "SUM" -> parse("sum(\"" + p + "\")");
            case "MIN" -> parse("min(\"" + p + "\")");
            case "MAX" -> parse("max(\"" + p + "\")");
            default -> parse("CAST(sum(\"" + p + "s\") AS DOUBLE) / sum(\"" + p + "c\")");
          };
        }
        if (OTHER_AGGREGATES.contains(name)) {
          problems.add(name);
          return call;
        }
        return super.visit(call);
      }

      @Override
      public SqlNode visit(SqlIdentifier id) {
        for (int i = 0; i < keys.size(); i++) {
          if (id.equalsDeep(keys.get(i), org.apache.calcite.util.Litmus.IGNORE)) {
            return ident("_g" + i);
          }
        }
        if (id.names.size() > 1) {
          problems.add("column " + id + " outside an aggregate");
        }
        return id;
      }
    };
    List<SqlNode> mergeItems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      SqlNode expr = ((SqlCall) items.get(i)).operand(0);
      mergeItems.add(as(expr.accept(mergeRewrite), names.get(i)));
    }
    SqlNode having = select.getHaving() == null ? null : select.getHaving().accept(mergeRewrite);
    List<SqlNode> mergeOrder = new ArrayList<>();
    if (order != null) {
      for (SqlNode o : order) {
        SqlNode inner = unwrapOrder(o);
        String name = outputName(inner, items, names);
        mergeOrder.add(rewrapOrder(o, name != null ? ident(name) : inner.accept(mergeRewrite)));
      }
    }
    if (!problems.isEmpty()) {
      return fail("aggregate not split: " + String.join(", ", problems));
    }
    SqlNodeList group = keys.isEmpty() ? null : new SqlNodeList(keys, POS);
    SqlSelect fragment = new SqlSelect(POS, null, new SqlNodeList(fragItems, POS), from, where,
        group, null, null, null, null, null, null, null);
    List<SqlNode> mergeGroup = new ArrayList<>();
    for (int i = 0; i < keys.size(); i++) {
      mergeGroup.add(ident("_g" + i));
    }
    SqlSelect merge = new SqlSelect(POS, null, new SqlNodeList(mergeItems, POS),
        ident(MergePlan.PARTIALS), null,
        mergeGroup.isEmpty() ? null : new SqlNodeList(mergeGroup, POS), having, null, null,
        null, null, null, null);
    StringBuilder m = new StringBuilder(DuckSql.unparse(merge));
    appendOrderLimit(m, mergeOrder, skip, limit);
    return new Split(DuckSql.unparse(fragment), MergePlan.sql(m.toString()));
  }

  // ----------------------------------------------------------------------------- helpers

  private static void appendOrderLimit(StringBuilder sb, List<SqlNode> order, long skip,
      Long limit) {
    if (!order.isEmpty()) {
      sb.append(" ORDER BY ");
      for (int i = 0; i < order.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(DuckSql.unparse(order.get(i)));
      }
    }
    if (limit != null) {
      sb.append(" LIMIT ").append(limit);
    }
    if (skip > 0) {
      sb.append(" OFFSET ").append(skip);
    }
  }

  private static String columnList(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append('"').append(names.get(i).replace("\"", "\"\""))
          .append('"');
    }
    return sb.toString();
  }

  /** The output column an ORDER BY expression names or equals, or null. */
  private static String outputName(SqlNode expr, List<SqlNode> items, List<String> names) {
    if (expr instanceof SqlIdentifier id && id.isSimple()) {
      for (String n : names) {
        if (n.equals(id.getSimple())) {
          return n;
        }
      }
    }
    if (expr instanceof SqlLiteral lit && lit.getValue() instanceof java.math.BigDecimal pos) {
      int i = pos.intValue() - 1;
      return i >= 0 && i < names.size() ? names.get(i) : null;
    }
    for (int i = 0; i < items.size(); i++) {
      if (((SqlCall) items.get(i)).operand(0).equalsDeep(expr,
          org.apache.calcite.util.Litmus.IGNORE)) {
        return names.get(i);
      }
    }
    return null;
  }

  /** A GROUP BY item naming a select alias becomes that item's expression. */
  private static SqlNode resolveAlias(SqlNode g, List<SqlNode> items, List<String> names) {
    if (g instanceof SqlIdentifier id && id.isSimple()) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equals(id.getSimple())) {
          return ((SqlCall) items.get(i)).operand(0);
        }
      }
    }
    return g;
  }

  private static SqlNode unwrapOrder(SqlNode o) {
    while (o instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      o = c.operand(0);
    }
    return o;
  }

  private static SqlNode rewrapOrder(SqlNode o, SqlNode replacement) {
    if (o instanceof SqlCall c && (c.getKind() == SqlKind.DESCENDING
        || c.getKind() == SqlKind.NULLS_FIRST || c.getKind() == SqlKind.NULLS_LAST)) {
      return c.getOperator().createCall(POS, rewrapOrder(c.operand(0), replacement));
    }
    return replacement;
  }

  private static SqlNode as(SqlNode expr, String name) {
    return org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(POS, expr, ident(name));
  }

  private static SqlIdentifier ident(String name) {
    return new SqlIdentifier(name, POS);
  }

  private static SqlNode fn(String name, SqlNode arg) {
    return parse(name + "(" + DuckSql.unparse(arg) + ")");
  }

  private static SqlNode parse(String expr) {
    SqlNode n = DuckSql.parseExpression(expr);
    if (n == null) {
      throw new IllegalStateException("cannot parse generated expression " + expr);
    }
    return n;
  }

  private static SqlLiteral distinctKeyword() {
    return org.apache.calcite.sql.SqlSelectKeyword.DISTINCT.symbol(POS);
  }

  private static Long number(SqlNode n) {
    Long v = Literals.integer(n);
    return v != null && v >= 0 ? v : null;
  }

  private static boolean hasAggregate(SqlNode n) {
    if (n instanceof SqlNodeList list) {
      for (SqlNode x : list) {
        if (hasAggregate(x)) {
          return true;
        }
      }
      return false;
    }
    if (n instanceof SqlCall c) {
      String name = c.getOperator().getName().toUpperCase(Locale.ROOT);
      if (SPLITTABLE.contains(name) || OTHER_AGGREGATES.contains(name)) {
        return true;
      }
      for (SqlNode o : c.getOperandList()) {
        if (o != null && hasAggregate(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean containsSelect(SqlNode n) {
    if (n == null) {
      return false;
    }
    if (n instanceof SqlSelect || n instanceof SqlOrderBy
        || n.getKind() == SqlKind.UNION || n.getKind() == SqlKind.WITH) {
      return true;
    }
    if (n instanceof SqlNodeList list) {
      for (SqlNode x : list) {
        if (containsSelect(x)) {
          return true;
        }
      }
    }
    if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        if (containsSelect(o)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean containsKind(SqlNode n, SqlKind kind) {
    if (n == null) {
      return false;
    }
    if (n.getKind() == kind) {
      return true;
    }
    if (n instanceof SqlNodeList list) {
      for (SqlNode x : list) {
        if (containsKind(x, kind)) {
          return true;
        }
      }
    }
    if (n instanceof SqlCall c) {
      for (SqlNode o : c.getOperandList()) {
        if (containsKind(o, kind)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The FROM clause with each table replaced by its placeholder marker. */
  private SqlNode substitute(SqlNode from, Map<String, Read> reads) {
    if (from instanceof SqlJoin j) {
      return new SqlJoin(POS, substitute(j.getLeft(), reads), j.isNaturalNode(),
          j.getJoinTypeNode(), substitute(j.getRight(), reads), j.getConditionTypeNode(),
          j.getCondition());
    }
    if (from instanceof SqlBasicCall call && call.getKind() == SqlKind.AS
        && call.operand(0) instanceof SqlIdentifier id) {
      String alias = ((SqlIdentifier) call.operand(1)).getSimple();
      SqlNode table = marker(id, reads.get(alias.toLowerCase(Locale.ROOT)));
      return org.apache.calcite.sql.fun.SqlStdOperatorTable.AS.createCall(POS, table,
          call.operand(1));
    }
    if (from instanceof SqlIdentifier id) {
      return marker(id, reads.get(id.names.get(id.names.size() - 1).toLowerCase(Locale.ROOT)));
    }
    throw new IllegalStateException("unexpected FROM item " + from);
  }

  private static SqlNode marker(SqlIdentifier id, Read read) {
    String table = id.names.get(id.names.size() - 1);
    if (read == null) {
      throw new IllegalStateException("no read mode for " + id);
    }
    return switch (read) {
      case CHUNK -> ident(Placeholders.marker("chunk", table));
      case NARROW -> ident(Placeholders.marker("narrow", table));
      case TABLE -> ident(Placeholders.marker("table", table));
      case UPLOAD -> ident(Placeholders.marker("upload", table));
      case CHUNK_AND_MARGIN -> DuckSql.parse("SELECT * FROM \""
          + Placeholders.marker("chunk", table) + "\" UNION ALL SELECT * FROM \""
          + Placeholders.marker("margin", table) + "\"");
    };
  }
}
