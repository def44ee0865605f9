package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlBetweenOperator;
import org.apache.calcite.sql.type.SqlTypeName;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.partitioner.Box;
import org.skyshard.partitioner.Circle;
import org.skyshard.partitioner.Polygon;
import org.skyshard.partitioner.RaDecRange;
import org.skyshard.partitioner.Region;
import org.skyshard.partitioner.RegionCover;

/**
 * Chunk pruning: from a validated WHERE clause to the chunks that may hold result rows. Spatial
 * constraints on a director's position (CONTAINS/INTERSECTS with CIRCLE, BOX, POLYGON compared
 * with 1; DISTANCE below a radius; BETWEEN and comparisons on ra/dec) go through the pixel map's
 * cover; id constraints ({@code =}, {@code IN}, short BETWEEN) through the id index; AND
 * intersects, OR unites, anything else keeps every chunk. Sound: a chunk is dropped only when the
 * condition is false for every row in it.
 */
final class ChunkPruner {
  /** Longest id BETWEEN range looked up key by key. */
  private static final long MAX_ID_SPAN = 10_000;

  private final CatalogLayout layout;
  private final IdLookup ids;
  private final RegionCover cover = new RegionCover();

  /**
   * The outcome: chunk numbers (null = all), regions every result row of an alias lies in, and
   * the {@code _healpix_29} values one of which every result row of an alias has (from id
   * constraints: a child row carries its director's value).
   */
  record Result(BitSet chunks, Map<String, List<Region>> required,
      Map<String, List<long[]>> requiredHp29, List<String> reasons) {}

  private Map<String, TableLayout> pruning;
  private Map<String, List<Region>> required;
  private Map<String, List<long[]>> requiredHp29;
  private List<String> reasons;

  ChunkPruner(CatalogLayout layout, IdLookup ids) {
    this.layout = layout;
    this.ids = ids;
  }

  /**
   * @param conditions conditions all of which hold for every result row (WHERE, inner ON)
   * @param pruning the table instances read chunk-only, by lower-case alias
   */
  Result prune(List<SqlNode> conditions, Map<String, TableLayout> pruning) {
    this.pruning = pruning;
    this.required = new LinkedHashMap<>();
    this.requiredHp29 = new LinkedHashMap<>();
    this.reasons = new ArrayList<>();
    List<SqlNode> conjuncts = new ArrayList<>();
    for (SqlNode c : conditions) {
      flattenAnd(c, conjuncts);
    }
    BitSet out = and(conjuncts, true);
    spreadIdPositions(conjuncts);
    return new Result(out, required, requiredHp29, reasons);
  }

  /**
   * Through key equalities ({@code fs.objectId = o.objectId}, both keys of one director's id
   * index), the id positions of one alias hold for the other too: a child row carries its
   * director's {@code _healpix_29}.
   */
  private void spreadIdPositions(List<SqlNode> conjuncts) {
    for (int pass = 0; pass < 2; pass++) {
      for (SqlNode c : conjuncts) {
        if (!(c instanceof SqlCall call) || call.getKind() != SqlKind.EQUALS
            || !(call.operand(0) instanceof SqlIdentifier a)
            || !(call.operand(1) instanceof SqlIdentifier b)) {
          continue;
        }
        String da = idDirector(a);
        if (da == null || !da.equals(idDirector(b))) {
          continue;
        }
        String aa = alias(a);
        String ab = alias(b);
        if (requiredHp29.containsKey(aa) && !requiredHp29.containsKey(ab)) {
          requiredHp29.put(ab, requiredHp29.get(aa));
        } else if (requiredHp29.containsKey(ab) && !requiredHp29.containsKey(aa)) {
          requiredHp29.put(aa, requiredHp29.get(ab));
        }
      }
    }
  }

  private BitSet eval(SqlNode node) {
    if (!(node instanceof SqlCall call)) {
      return null;
    }
    switch (call.getKind()) {
      case AND: {
        List<SqlNode> conjuncts = new ArrayList<>();
        flattenAnd(call, conjuncts);
        return and(conjuncts, false);
      }
      case OR: {
        BitSet u = new BitSet();
        for (SqlNode o : call.getOperandList()) {
          BitSet b = eval(o);
          if (b == null) {
            return null;
          }
          u.or(b);
        }
        return u;
      }
      default: {
        Atom a = atom(call);
        if (a == null) {
          return null;
        }
        return a.chunks;
      }
    }
  }

  private BitSet and(List<SqlNode> conjuncts, boolean top) {
    BitSet result = null;
    Map<String, double[]> bounds = new HashMap<>();
    for (SqlNode c : conjuncts) {
      if (bound(c, bounds)) {
        continue;
      }
      BitSet b;
      if (top && c instanceof SqlCall call && call.getKind() != SqlKind.OR) {
        Atom a = atom(call);
        b = a == null ? null : a.chunks;
        if (a != null && a.region != null) {
          required.computeIfAbsent(a.alias, k -> new ArrayList<>()).add(a.region);
        }
        if (a != null && a.hp29 != null) {
          requiredHp29.computeIfAbsent(a.alias, k -> new ArrayList<>()).add(a.hp29);
        }
      } else {
        b = eval(c);
      }
      result = intersect(result, b);
    }
    for (Map.Entry<String, double[]> e : bounds.entrySet()) {
      double[] v = e.getValue();
      if (v[0] > v[1] || v[2] > v[3]) {
        result = intersect(result, new BitSet());
        continue;
      }
      Region r = new RaDecRange(Math.max(0, v[0]), Math.min(360, v[1]), Math.max(-90, v[2]),
          Math.min(90, v[3]));
      if (top) {
        required.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(r);
      }
      reasons.add("ra/dec range on " + e.getKey() + ": " + r);
      result = intersect(result, cover(r));
    }
    return result;
  }

  private static BitSet intersect(BitSet a, BitSet b) {
    if (a == null) {
      return b == null ? null : (BitSet) b.clone();
    }
    if (b != null) {
      a.and(b);
    }
    return a;
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

  /**
   * A recognised constraint: its chunks and, on an alias, its region (spatial) or the sorted
   * {@code _healpix_29} values of its keys (id).
   */
  private record Atom(BitSet chunks, String alias, Region region, long[] hp29) {}

  private Atom atom(SqlCall call) {
    try {
      Atom spatial = spatial(call);
      return spatial != null ? spatial : id(call);
    } catch (IllegalArgumentException e) {
      // a region the partitioner refuses (degenerate polygon, bad radius): keep every chunk
      return null;
    }
  }

  // ------------------------------------------------------------------------------ spatial

  private Atom spatial(SqlCall call) {
    SqlKind k = call.getKind();
    if (k == SqlKind.EQUALS) {
      SqlCall pred = predicate(call.operand(0));
      SqlNode other = call.operand(1);
      if (pred == null) {
        pred = predicate(call.operand(1));
        other = call.operand(0);
      }
      Double one = Literals.number(other);
      if (pred == null || one == null || one != 1.0) {
        return null;
      }
      String[] point = pointColumns(pred.operand(0));
      Region region = point == null ? null : region(pred.operand(1));
      if (point == null && upper(pred).equals("INTERSECTS")) {
        point = pointColumns(pred.operand(1));
        region = point == null ? null : region(pred.operand(0));
      }
      return regionAtom(point, region);
    }
    if (k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL
        || k == SqlKind.GREATER_THAN || k == SqlKind.GREATER_THAN_OR_EQUAL) {
      boolean less = k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL;
      SqlNode dist = less ? call.operand(0) : call.operand(1);
      SqlNode radius = less ? call.operand(1) : call.operand(0);
      if (!(dist instanceof SqlCall d) || !upper(d).equals("DISTANCE")) {
        return null;
      }
      Double r = Literals.number(radius);
      if (r == null || r <= 0 || r >= 180) {
        return null;
      }
      String[] point;
      double[] centre;
      if (d.operandCount() == 2) {
        point = pointColumns(d.operand(0));
        centre = pointLiteral(d.operand(1));
        if (point == null) {
          point = pointColumns(d.operand(1));
          centre = pointLiteral(d.operand(0));
        }
      } else {
        point = columns(d.operand(0), d.operand(1));
        centre = literals(d.operand(2), d.operand(3));
        if (point == null) {
          point = columns(d.operand(2), d.operand(3));
          centre = literals(d.operand(0), d.operand(1));
        }
      }
      if (point == null || centre == null) {
        return null;
      }
      return regionAtom(point, new Circle(centre[0], centre[1], r));
    }
    return null;
  }

  private Atom regionAtom(String[] point, Region region) {
    if (point == null || region == null) {
      return null;
    }
    TableLayout t = pruning.get(point[0]);
    if (t == null || t.kind() != TableKind.DIRECTOR || !t.ra().equalsIgnoreCase(point[1])
        || !t.dec().equalsIgnoreCase(point[2])) {
      return null;
    }
    reasons.add("region on " + point[0] + ": " + region);
    return new Atom(cover(region), point[0], region, null);
  }

  private BitSet cover(Region r) {
    BitSet b = new BitSet();
    for (int c : cover.chunks(layout.map(), r)) {
      b.set(c);
    }
    return b;
  }

  private static SqlCall predicate(SqlNode n) {
    if (n instanceof SqlCall c) {
      String name = upper(c);
      if (name.equals("CONTAINS") || name.equals("INTERSECTS")) {
        return c;
      }
    }
    return null;
  }

  /** {alias, ra column, dec column} of a POINT over two columns of one alias, else null. */
  private static String[] pointColumns(SqlNode n) {
    if (!(n instanceof SqlCall c) || !upper(c).equals("POINT")) {
      return null;
    }
    List<SqlNode> args = coordArgs(c);
    return args.size() == 2 ? columns(args.get(0), args.get(1)) : null;
  }

  private static String[] columns(SqlNode a, SqlNode b) {
    if (a instanceof SqlIdentifier x && b instanceof SqlIdentifier y && x.names.size() >= 2
        && y.names.size() >= 2) {
      String ax = alias(x);
      String ay = alias(y);
      if (ax.equals(ay)) {
        return new String[] {ax, x.names.get(x.names.size() - 1),
            y.names.get(y.names.size() - 1)};
      }
    }
    return null;
  }

  private static double[] pointLiteral(SqlNode n) {
    if (!(n instanceof SqlCall c) || !upper(c).equals("POINT")) {
      return null;
    }
    List<SqlNode> args = coordArgs(c);
    return args.size() == 2 ? literals(args.get(0), args.get(1)) : null;
  }

  private static double[] literals(SqlNode... nodes) {
    double[] out = new double[nodes.length];
    for (int i = 0; i < nodes.length; i++) {
      Double v = Literals.number(nodes[i]);
      if (v == null) {
        return null;
      }
      out[i] = v;
    }
    return out;
  }

  /** A constant CIRCLE, BOX or POLYGON, or null. */
  private static Region region(SqlNode n) {
    if (!(n instanceof SqlCall c)) {
      return null;
    }
    List<SqlNode> args = coordArgs(c);
    List<Double> v = new ArrayList<>();
    for (SqlNode a : args) {
      double[] p = pointLiteral(a);
      if (p != null) {
        v.add(p[0]);
        v.add(p[1]);
        continue;
      }
      Double d = Literals.number(a);
      if (d == null) {
        return null;
      }
      v.add(d);
    }
    switch (upper(c)) {
      case "CIRCLE":
        return v.size() == 3 && v.get(2) > 0 && v.get(2) < 180
            ? new Circle(v.get(0), v.get(1), v.get(2)) : null;
      case "BOX":
        return v.size() == 4 ? new Box(v.get(0), v.get(1), v.get(2), v.get(3)) : null;
      case "POLYGON":
        if (v.size() < 6 || v.size() % 2 != 0) {
          return null;
        }
        double[] arr = new double[v.size()];
        for (int i = 0; i < arr.length; i++) {
          arr[i] = v.get(i);
        }
        return new Polygon(arr);
      default:
        return null;
    }
  }

  /** The arguments of a geometry constructor after its optional coordinate system. */
  private static List<SqlNode> coordArgs(SqlCall c) {
    List<SqlNode> args = c.getOperandList();
    if (!args.isEmpty() && args.get(0) instanceof SqlLiteral lit
        && (lit.getTypeName() == SqlTypeName.CHAR || lit.getTypeName() == SqlTypeName.NULL)) {
      return args.subList(1, args.size());
    }
    return args;
  }

  /** Folds BETWEEN and comparisons on a director's ra/dec into bounds {raMin,raMax,decMin,decMax}. */
  private boolean bound(SqlNode n, Map<String, double[]> bounds) {
    if (!(n instanceof SqlCall c)) {
      return false;
    }
    SqlKind k = c.getKind();
    SqlNode col;
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    if (k == SqlKind.BETWEEN && c.getOperator() instanceof SqlBetweenOperator b && !b.isNegated()
        && b.flag == SqlBetweenOperator.Flag.ASYMMETRIC) {
      col = c.operand(0);
      Double a = Literals.number(c.operand(1));
      Double z = Literals.number(c.operand(2));
      if (a == null || z == null) {
        return false;
      }
      lo = a;
      hi = z;
    } else if (k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL
        || k == SqlKind.GREATER_THAN || k == SqlKind.GREATER_THAN_OR_EQUAL) {
      Double right = Literals.number(c.operand(1));
      Double left = Literals.number(c.operand(0));
      boolean less = k == SqlKind.LESS_THAN || k == SqlKind.LESS_THAN_OR_EQUAL;
      if (right != null && c.operand(0) instanceof SqlIdentifier) {
        col = c.operand(0);
        if (less) {
          hi = right;
        } else {
          lo = right;
        }
      } else if (left != null && c.operand(1) instanceof SqlIdentifier) {
        col = c.operand(1);
        if (less) {
          lo = left;
        } else {
          hi = left;
        }
      } else {
        return false;
      }
    } else {
      return false;
    }
    if (!(col instanceof SqlIdentifier id) || id.names.size() < 2) {
      return false;
    }
    String alias = alias(id);
    String column = id.names.get(id.names.size() - 1);
    TableLayout t = pruning.get(alias);
    if (t == null || t.kind() != TableKind.DIRECTOR) {
      return false;
    }
    boolean ra = t.ra().equalsIgnoreCase(column);
    boolean dec = t.dec().equalsIgnoreCase(column);
    if (!ra && !dec) {
      return false;
    }
    double[] v = bounds.computeIfAbsent(alias, a -> new double[] {0, 360, -90, 90});
    int i = ra ? 0 : 2;
    v[i] = Math.max(v[i], lo);
    v[i + 1] = Math.min(v[i + 1], hi);
    return true;
  }

  // ------------------------------------------------------------------------------ ids

  private Atom id(SqlCall call) {
    SqlKind k = call.getKind();
    if (k == SqlKind.EQUALS) {
      Long v = Literals.integer(call.operand(1));
      SqlNode col = call.operand(0);
      if (v == null) {
        v = Literals.integer(call.operand(0));
        col = call.operand(1);
      }
      String director = idDirector(col);
      return director == null || v == null ? null : idAtom(col, director, List.of(v));
    }
    if (k == SqlKind.IN && call.operand(1) instanceof SqlNodeList list) {
      String director = idDirector(call.operand(0));
      if (director == null) {
        return null;
      }
      List<Long> keys = new ArrayList<>();
      for (SqlNode n : list) {
        Long v = Literals.integer(n);
        if (v == null) {
          return null;
        }
        keys.add(v);
      }
      return idAtom(call.operand(0), director, keys);
    }
    if (k == SqlKind.BETWEEN && call.getOperator() instanceof SqlBetweenOperator b
        && !b.isNegated()) {
      String director = idDirector(call.operand(0));
      Long lo = Literals.integer(call.operand(1));
      Long hi = Literals.integer(call.operand(2));
      if (director == null || lo == null || hi == null || hi - lo > MAX_ID_SPAN || hi < lo) {
        return null;
      }
      List<Long> keys = new ArrayList<>();
      for (long v = lo; v <= hi; v++) {
        keys.add(v);
      }
      return idAtom(call.operand(0), director, keys);
    }
    return null;
  }

  /** The director whose id index answers for this column, or null. */
  private String idDirector(SqlNode col) {
    if (!(col instanceof SqlIdentifier id) || id.names.size() < 2) {
      return null;
    }
    TableLayout t = pruning.get(alias(id));
    String column = id.names.get(id.names.size() - 1);
    if (t == null) {
      return null;
    }
    if (t.kind() == TableKind.DIRECTOR && t.idColumn() != null
        && t.idColumn().equalsIgnoreCase(column)) {
      return ids.indexes(t.name()) ? t.name() : null;
    }
    if (t.kind() == TableKind.CHILD && t.key().equalsIgnoreCase(column)) {
      TableLayout d = layout.table(t.director()).orElse(null);
      if (d != null && d.idColumn() != null && d.idColumn().equalsIgnoreCase(t.directorKey())
          && ids.indexes(d.name())) {
        return d.name();
      }
    }
    return null;
  }

  private Atom idAtom(SqlNode column, String director, List<Long> keys) {
    BitSet b = new BitSet();
    java.util.TreeSet<Long> hp29 = new java.util.TreeSet<>();
    for (long key : keys) {
      OptionalLong hp = ids.hp29(director, key);
      if (hp.isPresent()) {
        b.set(layout.map().chunkOf(hp.getAsLong()));
        hp29.add(hp.getAsLong());
      }
    }
    reasons.add("id index of " + director + ": " + keys.size() + " key(s) in "
        + b.cardinality() + " chunk(s)");
    String alias = alias((SqlIdentifier) column);
    return new Atom(b, alias, null, hp29.stream().mapToLong(Long::longValue).toArray());
  }

  private static String upper(SqlCall c) {
    return c.getOperator().getName().toUpperCase(Locale.ROOT);
  }

  /** The lower-case table alias of a qualified column ({@code "o"."objectId"} → o). */
  private static String alias(SqlIdentifier column) {
    return lower(column.names.get(column.names.size() - 2));
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
