package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.Translation;
import org.skyshard.adql.TranslationContext;
import org.skyshard.partitioner.Region;
import org.skyshard.partitioner.RegionCover;
import org.skyshard.query.QueryMessages;
import org.skyshard.query.plan.FragmentSplitter.Read;

/**
 * The czar's planner: ADQL → validated Calcite tree (adql-parser) → {@link QueryPlan}. Prunes
 * chunks by spatial and id constraints, keeps joins chunk-local where the store's layout allows
 * (director and children on the key, margins for near neighbours and truth matches), splits
 * aggregates, DISTINCT, ORDER BY and TOP into fragment and merge, and gathers every other shape
 * into one fragment over all chunks. Does no I/O apart from the id lookups it is given.
 * Thread-safe.
 */
public final class Planner {
  /** Most {@code _healpix_29} ranges added to a fragment's WHERE. */
  private static final int MAX_RANGES = 24;
  /** Most id positions listed in a fragment's {@code _healpix_29} condition. */
  private static final int MAX_ID_VALUES = 1000;
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private final AdqlTranslator translator;
  private final CatalogLayout layout;
  private final IdLookup ids;
  private final Set<String> matchJoins;

  public Planner(AdqlTranslator translator, CatalogLayout layout, IdLookup ids) {
    this(translator, layout, ids, Locality.DP02_MATCH_JOINS);
  }

  /**
   * @param matchJoins equality joins known to pair rows closer than the margin width, as
   *     {@code "tablea.col=tableb.col"} in lower case (the match table's side first)
   */
  public Planner(AdqlTranslator translator, CatalogLayout layout, IdLookup ids,
      Set<String> matchJoins) {
    this.translator = translator;
    this.layout = layout;
    this.ids = ids;
    this.matchJoins = Set.copyOf(matchJoins);
  }

  /** The layout this planner plans against. */
  public CatalogLayout layout() {
    return layout;
  }

  /**
   * Plans a query.
   *
   * @throws org.skyshard.adql.AdqlException for an invalid query (with line and column)
   * @throws org.skyshard.query.QueryException for a query this service cannot run
   */
  public QueryPlan plan(String adql, TranslationContext context) {
    return plan(translator.translate(adql, context));
  }

  /** Plans an already translated query. */
  public QueryPlan plan(Translation t) {
    List<String> notes = new ArrayList<>();
    Map<String, TableLayout> used = new LinkedHashMap<>();
    collectTables(t.validated(), used);
    List<TableLayout> partitioned = used.values().stream().filter(TableLayout::partitioned)
        .toList();
    if (partitioned.isEmpty()) {
      return new QueryPlan(t.adql(), Strategy.REPLICATED, List.of(), substitute(t.duckdbSql(),
          false), MergePlan.concat(0, -1), t.columns(), List.of("no partitioned table"));
    }
    QueryPlan count = manifestCount(t, notes);
    if (count != null) {
      return count;
    }
    List<ChunkRef> all = layout.chunksOf(partitioned);
    if (t.validated() instanceof SqlSelect select && select.getFrom() != null) {
      QueryPlan perChunk = perChunk(t, select, all, notes);
      if (perChunk != null) {
        return perChunk;
      }
    } else {
      notes.add("gathered: the query is not a single SELECT (set operation, WITH or VALUES)");
    }
    return new QueryPlan(t.adql(), Strategy.GATHER, all, substitute(t.duckdbSql(), false),
        MergePlan.concat(0, -1), t.columns(), notes);
  }

  /**
   * Reads the narrow chunk copies of each chunk-read instance whose table has them and of which
   * the query reads no other column.
   */
  private static void narrowReads(SqlNode parsed, FromTables from,
      Map<String, TableLayout> partitioned, Map<String, Read> reads, List<String> notes) {
    ReadColumns columns = null;
    for (FromTables.Instance i : from.instances) {
      TableLayout tl = partitioned.get(i.alias());
      if (tl == null || tl.narrowColumns().isEmpty() || reads.get(i.alias()) != Read.CHUNK) {
        continue;
      }
      columns = columns == null ? ReadColumns.of(parsed) : columns;
      if (tl.narrowHolds(columns.of(i.spelled()))) {
        reads.put(i.alias(), Read.NARROW);
        notes.add("narrow copy of " + tl.name() + " for " + i.spelled());
      }
    }
  }

  private QueryPlan perChunk(Translation t, SqlSelect select, List<ChunkRef> all,
      List<String> notes) {
    FromTables from = FromTables.of(select.getFrom());
    if (from.hasSubquery) {
      notes.add("gathered: a subquery in FROM");
      return null;
    }
    Map<String, TableLayout> partitioned = new LinkedHashMap<>();
    Map<String, Read> reads = new LinkedHashMap<>();
    for (FromTables.Instance i : from.instances) {
      if (TranslationContext.UPLOAD_SCHEMA.equalsIgnoreCase(i.schema())) {
        reads.put(i.alias(), Read.UPLOAD);
        continue;
      }
      TableLayout tl = layout.table(i.table()).orElse(null);
      if (tl == null) {
        notes.add("gathered: table " + i.table() + " not in the store");
        return null;
      }
      if (tl.partitioned()) {
        partitioned.put(i.alias(), tl);
      } else {
        reads.put(i.alias(), Read.TABLE);
      }
    }
    List<SqlNode> conjuncts = new ArrayList<>();
    flattenAnd(select.getWhere(), conjuncts);
    for (SqlNode c : from.innerConditions) {
      flattenAnd(c, conjuncts);
    }
    List<SqlNode> allConjuncts = new ArrayList<>(conjuncts);
    for (SqlNode c : from.outerConditions) {
      flattenAnd(c, allConjuncts);
    }
    Locality locality = new Locality(layout, matchJoins);
    Map<String, Read> partReads = locality.reads(partitioned, allConjuncts, from.hasRightOrFull);
    if (partReads == null) {
      notes.add("gathered: " + locality.reason());
      return null;
    }
    reads.putAll(partReads);
    Map<String, TableLayout> pruning = new LinkedHashMap<>();
    partReads.forEach((alias, read) -> {
      if (read == Read.CHUNK) {
        pruning.put(alias, partitioned.get(alias));
      }
    });
    ChunkPruner.Result pruned = new ChunkPruner(layout, ids).prune(conjuncts, pruning);
    List<ChunkRef> chunks = chunks(pruned.chunks(), all);
    notes.addAll(pruned.reasons());
    List<SqlNode> hp29 = new ArrayList<>();
    pruned.required().forEach((alias, regions) -> {
      for (Region r : regions) {
        SqlNode cond = hp29Condition(from.byAlias(alias).spelled(), r);
        if (cond != null) {
          hp29.add(cond);
        }
      }
    });
    pruned.requiredHp29().forEach((alias, sets) -> {
      for (long[] values : sets) {
        SqlNode cond = hp29Values(from.byAlias(alias).spelled(), values);
        if (cond != null) {
          hp29.add(cond);
        }
      }
    });
    SqlNode parsed = DuckSql.parse(t.duckdbSql());
    if (parsed == null) {
      notes.add("gathered: the DuckDB SQL could not be read back for splitting");
      return null;
    }
    narrowReads(parsed, from, partitioned, reads, notes);
    FragmentSplitter splitter = new FragmentSplitter();
    FragmentSplitter.Split split;
    try {
      split = splitter.split(parsed, reads, hp29);
    } catch (RuntimeException e) {
      notes.add("gathered: " + e.getMessage());
      return null;
    }
    if (split == null) {
      notes.add("gathered: " + splitter.reason());
      return null;
    }
    if (chunks.isEmpty()) {
      // Nothing can match; one chunk still runs so that the merge sees the partial schema.
      chunks = List.of(all.get(0));
      notes.add("no chunk can hold a matching row");
    }
    return new QueryPlan(t.adql(), Strategy.PER_CHUNK, chunks,
        Placeholders.fromMarkers(split.fragmentSql()), split.merge(), t.columns(), notes);
  }

  private List<ChunkRef> chunks(BitSet selected, List<ChunkRef> all) {
    if (selected == null) {
      return all;
    }
    TreeSet<ChunkRef> allowed = new TreeSet<>();
    selected.stream().forEach(c -> allowed.add(layout.chunk(c)));
    return all.stream().filter(allowed::contains).toList();
  }

  /** {@code ("alias"."_healpix_29" BETWEEN a AND b OR ...)} for a region, or null if too many. */
  private SqlNode hp29Condition(String alias, Region r) {
    double sizeDeg = Math.toDegrees(Math.sqrt(Math.max(r.area(), 1e-16)));
    int order = (int) Math.ceil(Math.log(58.6 * 4 / sizeDeg) / Math.log(2));
    order = Math.max(0, Math.min(20, order));
    RegionCover cover = new RegionCover();
    long[] ranges = cover.hp29Ranges(r, order);
    while (ranges.length / 2 > MAX_RANGES && order > 0) {
      order--;
      ranges = cover.hp29Ranges(r, order);
    }
    if (ranges.length / 2 > MAX_RANGES || ranges.length == 0) {
      return null;
    }
    SqlIdentifier col = hp29Column(alias);
    SqlNode or = null;
    for (int i = 0; i < ranges.length; i += 2) {
      SqlNode between = SqlStdOperatorTable.BETWEEN.createCall(POS, col, number(ranges[i]),
          number(ranges[i + 1] - 1));
      or = or == null ? between : SqlStdOperatorTable.OR.createCall(POS, or, between);
    }
    return or;
  }

  /**
   * {@code "alias"."_healpix_29" IN (...)} for the positions of the keys of an id constraint, so
   * that DuckDB reads only the row groups holding them (chunk files are sorted by it), or null
   * when there are none or too many to list.
   */
  private static SqlNode hp29Values(String alias, long[] values) {
    if (values.length == 0 || values.length > MAX_ID_VALUES) {
      return null;
    }
    SqlIdentifier col = hp29Column(alias);
    if (values.length == 1) {
      return SqlStdOperatorTable.EQUALS.createCall(POS, col, number(values[0]));
    }
    SqlNodeList list = new SqlNodeList(POS);
    for (long v : values) {
      list.add(number(v));
    }
    return SqlStdOperatorTable.IN.createCall(POS, col, list);
  }

  /** {@code "alias"."_healpix_29"}. */
  private static SqlIdentifier hp29Column(String alias) {
    return new SqlIdentifier(List.of(alias, "_healpix_29"), POS);
  }

  private static SqlNode number(long v) {
    return SqlLiteral.createExactNumeric(Long.toString(v), POS);
  }

  /** COUNT(*) over one partitioned table, no WHERE, GROUP BY or HAVING: from the manifest. */
  private QueryPlan manifestCount(Translation t, List<String> notes) {
    if (!(t.validated() instanceof SqlSelect s) || s.getWhere() != null || s.getGroup() != null
        || s.getHaving() != null || s.getSelectList().size() != 1 || s.isDistinct()
        || s.getFetch() != null || s.getOffset() != null) {
      return null;
    }
    SqlNode from = s.getFrom();
    if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
      from = as.operand(0);
    }
    SqlNode item = s.getSelectList().get(0);
    if (item.getKind() == SqlKind.AS) {
      item = ((SqlCall) item).operand(0);
    }
    if (!(from instanceof SqlIdentifier id) || !(item instanceof SqlCall c)
        || c.getKind() != SqlKind.COUNT || c.getFunctionQuantifier() != null
        || c.operandCount() != 1 || !(c.operand(0) instanceof SqlIdentifier star)
        || !star.isStar()) {
      return null;
    }
    TableLayout tl = layout.table(id.names.get(id.names.size() - 1)).orElse(null);
    if (tl == null || !tl.partitioned()) {
      return null;
    }
    String name = t.columns().get(0).name().replace("\"", "\"\"");
    notes.add("COUNT(*) of " + tl.name() + " from the manifest");
    return new QueryPlan(t.adql(), Strategy.METADATA, List.of(), null,
        MergePlan.sql("SELECT CAST(" + tl.rows() + " AS BIGINT) AS \"" + name + "\""),
        t.columns(), notes);
  }

  /** The translator's SQL with every table replaced by its placeholder. */
  private String substitute(String sql, boolean chunks) {
    // chunks=false: {{table:T}}, every file of T (all chunks of a partitioned table)
    Pattern p = Pattern.compile("\"(" + Pattern.quote(layout.schemaName()) + "|ivoa|"
        + TranslationContext.UPLOAD_SCHEMA + ")\"\\.\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    Matcher m = p.matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String table = m.group(2);
      String ph;
      if (m.group(1).equalsIgnoreCase(TranslationContext.UPLOAD_SCHEMA)) {
        ph = "{{upload:" + table + "}}";
      } else {
        TableLayout tl = layout.table(table).orElseThrow();
        ph = tl.partitioned() && chunks ? "{{chunk:" + tl.name() + "}}"
            : "{{table:" + tl.name() + "}}";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(ph));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Every schema table the query reads, by lower-case name; refuses tables not served. */
  private void collectTables(SqlNode node, Map<String, TableLayout> out) {
    if (node == null) {
      return;
    }
    if (node instanceof SqlSelect s) {
      fromTables(s.getFrom(), out);
      for (SqlNode n : s.getOperandList()) {
        if (n != s.getFrom()) {
          collectTables(n, out);
        }
      }
    } else if (node instanceof SqlWith w) {
      for (SqlNode item : w.withList) {
        collectTables(((SqlWithItem) item).query, out);
      }
      collectTables(w.body, out);
    } else if (node instanceof SqlNodeList list) {
      for (SqlNode n : list) {
        collectTables(n, out);
      }
    } else if (node instanceof SqlCall c) {
      for (SqlNode n : c.getOperandList()) {
        collectTables(n, out);
      }
    }
  }

  private void fromTables(SqlNode from, Map<String, TableLayout> out) {
    if (from == null) {
      return;
    }
    if (from instanceof SqlJoin j) {
      fromTables(j.getLeft(), out);
      fromTables(j.getRight(), out);
      collectTables(j.getCondition(), out);
    } else if (from instanceof SqlBasicCall as && as.getKind() == SqlKind.AS) {
      fromTables(as.operand(0), out);
    } else if (from instanceof SqlIdentifier id) {
      if (id.names.size() < 2) {
        return; // a WITH item
      }
      String schema = id.names.get(id.names.size() - 2);
      String table = id.names.get(id.names.size() - 1);
      if (schema.equalsIgnoreCase(TranslationContext.UPLOAD_SCHEMA)) {
        return;
      }
      if (!schema.equalsIgnoreCase(layout.schemaName()) && !(schema.equalsIgnoreCase("ivoa")
          && layout.table(table).isPresent())) {
        throw QueryMessages.unsupported("table " + schema + "." + table
            + " is not served by the distributed engine", "query the tables of "
            + layout.schemaName() + " (TAP_SCHEMA is answered by the TAP service itself)");
      }
      TableLayout t = layout.table(table).orElseThrow(
          () -> QueryMessages.tableNotServed(schema + "." + table));
      out.put(t.name().toLowerCase(Locale.ROOT), t);
    } else {
      collectTables(from, out);
    }
  }

  private static void flattenAnd(SqlNode n, List<SqlNode> out) {
    if (n instanceof SqlCall c && c.getKind() == SqlKind.AND) {
      for (SqlNode o : c.getOperandList()) {
        flattenAnd(o, out);
      }
    } else if (n != null) {
      out.add(n);
    }
  }
}
