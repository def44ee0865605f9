package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.query.plan.FragmentSplitter.Read;

/**
 * Decides whether the joins of one SELECT are chunk-local, and how each partitioned table is
 * read: a director and its children joined on the director key read their chunk; a director
 * with margins joined to them by a positional match (DISTANCE below the margin width, or a
 * known match table such as MatchesTruth to TruthSummary) reads its chunk and its margin.
 */
final class Locality {
  /** Equality joins known to pair rows closer than the margin width ("a.col=b.col", lower). */
  static final Set<String> DP02_MATCH_JOINS =
      Set.of("matchestruth.id_truth_type=truthsummary.id_truth_type");

  private final CatalogLayout layout;
  private final Set<String> matchJoins;
  private String reason;
  private Map<String, TableLayout> partitioned = Map.of();

  Locality(CatalogLayout layout, Set<String> matchJoins) {
    this.layout = layout;
    this.matchJoins = matchJoins;
  }

  String reason() {
    return reason;
  }

  /**
   * How each partitioned instance is read (by lower-case alias), or null when the joins are
   * not chunk-local ({@link #reason()} says why).
   */
  Map<String, Read> reads(Map<String, TableLayout> partitioned, List<SqlNode> conjuncts,
      boolean rightOrFullJoin) {
    this.partitioned = partitioned;
    Map<String, Read> reads = new LinkedHashMap<>();
    if (partitioned.size() == 1) {
      reads.put(partitioned.keySet().iterator().next(), Read.CHUNK);
      return reads;
    }
    if (rightOrFullJoin) {
      reason = "a RIGHT or FULL join between partitioned tables";
      return null;
    }
    List<String[]> equalities = new ArrayList<>();
    List<String[]> neighbours = new ArrayList<>();
    for (SqlNode c : conjuncts) {
      equality(c, equalities);
      neighbour(c, neighbours);
    }
    String primary = null;
    for (TableLayout t : partitioned.values()) {
      if (t.kind() == TableKind.CHILD) {
        if (primary != null && !primary.equalsIgnoreCase(t.director())) {
          reason = "child tables of different directors";
          return null;
        }
        primary = t.director();
      }
    }
    if (primary == null) {
      primary = partitioned.values().iterator().next().name();
    }
    for (Map.Entry<String, TableLayout> e : partitioned.entrySet()) {
      if (e.getValue().name().equalsIgnoreCase(primary)) {
        reads.put(e.getKey(), Read.CHUNK);
        break;
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, TableLayout> e : partitioned.entrySet()) {
        String alias = e.getKey();
        TableLayout t = e.getValue();
        if (reads.containsKey(alias)) {
          continue;
        }
        if (t.kind() == TableKind.CHILD && (reads.isEmpty()
            || keyJoined(alias, t, partitioned, reads, equalities))) {
          reads.put(alias, Read.CHUNK);
          changed = true;
        } else if (t.kind() == TableKind.DIRECTOR && t.margin()
            && (nearJoined(alias, reads, neighbours) || matchJoined(alias, t, partitioned, reads,
                equalities))) {
          reads.put(alias, Read.CHUNK_AND_MARGIN);
          changed = true;
        }
      }
    }
    for (String alias : partitioned.keySet()) {
      if (!reads.containsKey(alias)) {
        reason = "table " + partitioned.get(alias).name() + " (" + alias + ") is joined neither"
            + " on its director key nor by a DISTANCE within the " + Math.round(
                layout.marginDeg() * 3600) + " arcsec margin";
        return null;
      }
    }
    return reads;
  }

  private boolean keyJoined(String alias, TableLayout child, Map<String, TableLayout> partitioned,
      Map<String, Read> reads, List<String[]> equalities) {
    for (String[] eq : equalities) {
      for (int side = 0; side < 2; side++) {
        String a = eq[side * 2];
        String ac = eq[side * 2 + 1];
        String b = eq[2 - side * 2];
        String bc = eq[3 - side * 2];
        if (!a.equals(alias) || !child.key().equalsIgnoreCase(ac) || reads.get(b) != Read.CHUNK) {
          continue;
        }
        TableLayout other = partitioned.get(b);
        if (other.kind() == TableKind.DIRECTOR && other.name().equalsIgnoreCase(child.director())
            && other.directorKeyMatches(child, bc)) {
          return true;
        }
        if (other.kind() == TableKind.CHILD && other.director().equalsIgnoreCase(child.director())
            && other.key().equalsIgnoreCase(bc)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean matchJoined(String alias, TableLayout t, Map<String, TableLayout> partitioned,
      Map<String, Read> reads, List<String[]> equalities) {
    for (String[] eq : equalities) {
      for (int side = 0; side < 2; side++) {
        String a = eq[side * 2];
        String ac = eq[side * 2 + 1];
        String b = eq[2 - side * 2];
        String bc = eq[3 - side * 2];
        if (a.equals(alias) && reads.get(b) == Read.CHUNK) {
          String key = lower(partitioned.get(b).name()) + "." + lower(bc) + "=" + lower(t.name())
              + "." + lower(ac);
          if (matchJoins.contains(key)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private boolean nearJoined(String alias, Map<String, Read> reads, List<String[]> neighbours) {
    for (String[] n : neighbours) {
      double r = Double.parseDouble(n[2]);
      if (r > layout.marginDeg()) {
        continue;
      }
      if (n[0].equals(alias) && reads.get(n[1]) == Read.CHUNK
          || n[1].equals(alias) && reads.get(n[0]) == Read.CHUNK) {
        return true;
      }
    }
    return false;
  }

  /** a.x = b.y between two different aliases: {a, x, b, y}. */
  private static void equality(SqlNode n, List<String[]> out) {
    if (n instanceof SqlCall c && c.getKind() == SqlKind.EQUALS
        && c.operand(0) instanceof SqlIdentifier x && c.operand(1) instanceof SqlIdentifier y
        && x.names.size() >= 2 && y.names.size() >= 2) {
      String a = lower(x.names.get(x.names.size() - 2));
      String b = lower(y.names.get(y.names.size() - 2));
      if (!a.equals(b)) {
        out.add(new String[] {a, x.names.get(x.names.size() - 1), b,
            y.names.get(y.names.size() - 1)});
      }
    }
  }

  /**
   * A positional link between two aliases within a constant radius: DISTANCE(p, q) &lt; r or
   * CONTAINS(p, CIRCLE(q, r)) = 1 with p and q column points: {a, b, r}.
   */
  private void neighbour(SqlNode n, List<String[]> out) {
    if (!(n instanceof SqlCall c)) {
      return;
    }
    SqlKind k = c.getKind();
    if (k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL || k == SqlKind.GREATER_THAN
        || k == SqlKind.GREATER_THAN_OR_EQUAL) {
      boolean less = k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL;
      SqlNode d = less ? c.operand(0) : c.operand(1);
      Double r = Literals.number(less ? c.operand(1) : c.operand(0));
      if (r != null && d instanceof SqlCall dc && name(dc).equals("DISTANCE")) {
        String a = null;
        String b = null;
        if (dc.operandCount() == 2) {
          a = pointAlias(dc.operand(0));
          b = pointAlias(dc.operand(1));
        } else if (dc.operandCount() == 4) {
          a = alias(dc.operand(0), dc.operand(1));
          b = alias(dc.operand(2), dc.operand(3));
        }
        if (a != null && b != null && !a.equals(b)) {
          out.add(new String[] {a, b, Double.toString(r)});
        }
      }
      return;
    }
    if (k == SqlKind.EQUALS) {
      SqlNode p = c.operand(0);
      Double one = Literals.number(c.operand(1));
      if (one == null) {
        p = c.operand(1);
        one = Literals.number(c.operand(0));
      }
      if (one != null && one == 1.0 && p instanceof SqlCall pc && name(pc).equals("CONTAINS")
          && pc.operand(1) instanceof SqlCall circle && name(circle).equals("CIRCLE")) {
        String a = pointAlias(pc.operand(0));
        List<SqlNode> args = coordArgs(circle);
        String b = null;
        Double r = null;
        if (args.size() == 3) {
          b = alias(args.get(0), args.get(1));
          r = Literals.number(args.get(2));
        } else if (args.size() == 2) {
          b = pointAlias(args.get(0));
          r = Literals.number(args.get(1));
        }
        if (a != null && b != null && r != null && !a.equals(b)) {
          out.add(new String[] {a, b, Double.toString(r)});
        }
      }
    }
  }

  private String pointAlias(SqlNode n) {
    if (n instanceof SqlCall c && name(c).equals("POINT")) {
      List<SqlNode> args = coordArgs(c);
      return args.size() == 2 ? alias(args.get(0), args.get(1)) : null;
    }
    return null;
  }

  /** The alias of two columns that are a director's ra and dec, else null. */
  private String alias(SqlNode ra, SqlNode dec) {
    if (ra instanceof SqlIdentifier x && dec instanceof SqlIdentifier y && x.names.size() >= 2
        && y.names.size() >= 2) {
      String a = lower(x.names.get(x.names.size() - 2));
      TableLayout t = partitioned.get(a);
      if (t != null && t.kind() == TableKind.DIRECTOR
          && a.equals(lower(y.names.get(y.names.size() - 2)))
          && t.ra().equalsIgnoreCase(x.names.get(x.names.size() - 1))
          && t.dec().equalsIgnoreCase(y.names.get(y.names.size() - 1))) {
        return a;
      }
    }
    return null;
  }

  private static List<SqlNode> coordArgs(SqlCall c) {
    List<SqlNode> args = c.getOperandList();
    if (!args.isEmpty() && args.get(0) instanceof SqlLiteral lit
        && (lit.getTypeName() == SqlTypeName.CHAR || lit.getTypeName() == SqlTypeName.NULL)) {
      return args.subList(1, args.size());
    }
    return args;
  }

  private static String name(SqlCall c) {
    return c.getOperator().getName().toUpperCase(Locale.ROOT);
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
