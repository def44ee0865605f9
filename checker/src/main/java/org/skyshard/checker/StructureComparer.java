package org.skyshard.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what two sites hold without their content: schema, tables, kinds, columns and
 * their stored types, and each site's own defects.
 */
final class StructureComparer {
  /**
   * The outcome.
   *
   * @param differences structural differences
   * @param comparable the tables whose content can be compared (same kind and columns)
   */
  record Outcome(List<Difference> differences, List<String> comparable) {}

  /** Compares; throws {@link CheckException} when the schemas are different catalogs. */
  Outcome compare(SiteStructure a, SiteStructure b) {
    if (!a.schemaName().equalsIgnoreCase(b.schemaName())) {
      throw CheckMessages.incompatibleSchemas(a.schemaName(), b.schemaName());
    }
    List<Difference> out = new ArrayList<>();
    List<String> comparable = new ArrayList<>();
    if (!Objects.equals(a.schemaVersion(), b.schemaVersion())) {
      out.add(Difference.structure(null, "schema " + a.schemaName() + " version: A "
          + a.schemaVersion() + ", B " + b.schemaVersion()));
    }
    for (TableShape ta : a.tables()) {
      if (b.table(ta.name()).isEmpty()) {
        out.add(Difference.structure(ta.name(), "table only on A"));
      }
    }
    for (TableShape tb : b.tables()) {
      var ta = a.table(tb.name());
      if (ta.isEmpty()) {
        out.add(Difference.structure(tb.name(), "table only on B"));
        continue;
      }
      if (table(ta.get(), tb, out)) {
        comparable.add(ta.get().name());
      }
    }
    return new Outcome(out, comparable);
  }

  private static boolean table(TableShape a, TableShape b, List<Difference> out) {
    String t = a.name();
    for (String p : a.problems()) {
      out.add(Difference.structure(t, "site A: " + p));
    }
    for (String p : b.problems()) {
      out.add(Difference.structure(t, "site B: " + p));
    }
    if (!a.kind().equals(b.kind())) {
      out.add(Difference.structure(t, "placed as " + a.kind() + " on A, " + b.kind() + " on B;"
          + " content not compared"));
      return false;
    }
    if (!a.columnNames().equals(b.columnNames())) {
      List<String> onlyA = new ArrayList<>(a.columnNames());
      onlyA.removeAll(b.columnNames());
      List<String> onlyB = new ArrayList<>(b.columnNames());
      onlyB.removeAll(a.columnNames());
      out.add(Difference.structure(t, "columns differ (only on A: " + onlyA + ", only on B: "
          + onlyB + (onlyA.isEmpty() && onlyB.isEmpty() ? ", order differs" : "")
          + "); content not compared"));
      return false;
    }
    for (int i = 0; i < a.columns().size(); i++) {
      ColumnShape ca = a.columns().get(i);
      ColumnShape cb = b.columns().get(i);
      if (!ca.type().equals(cb.type())) {
        out.add(new Difference(Difference.Kind.STRUCTURE, t, null,
            List.of(new Difference.ColumnDiff(ca.name(), ca.type(), cb.type())),
            "column " + ca.name() + " is stored as " + ca.type() + " on A, " + cb.type()
            + " on B"));
      }
    }
    return true;
  }
}
