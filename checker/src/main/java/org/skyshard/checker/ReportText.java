package org.skyshard.checker;

import java.util.List;

/** The readable report: the verdict first, then per-table lines and every difference. */
public final class ReportText {
  private final int maxListed;

  /** @param maxListed most differences printed (the JSON report has them all) */
  public ReportText(int maxListed) {
    this.maxListed = maxListed;
  }

  /** The first line: CONSISTENT, or N differences in M tables. */
  public static String verdict(CheckReport r) {
    if (r.consistent()) {
      return "CONSISTENT";
    }
    long t = r.tablesWithDifferences();
    return r.differences().size() + " difference" + (r.differences().size() == 1 ? "" : "s")
        + " in " + t + " table" + (t == 1 ? "" : "s");
  }

  /** The whole report as text. */
  public String render(CheckReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append(verdict(r)).append('\n');
    sb.append("A: ").append(r.siteA()).append('\n');
    sb.append("B: ").append(r.siteB()).append('\n');
    sb.append("cells at HEALPix order ").append(r.order()).append("; ")
        .append(r.traffic().digests()).append(" digests, ").append(r.traffic().rowPrints())
        .append(" row fingerprints, ").append(r.traffic().rows()).append(" rows fetched (")
        .append(r.traffic().bytes()).append(" bytes); ").append(r.millis()).append(" ms\n");
    sb.append('\n');
    for (TableResult t : r.tables()) {
      sb.append(String.format("  %-26s %10d %10d rows  %5d cells  %s%n", t.table(), t.rowsA(),
          t.rowsB(), t.cells(), t.differences() == 0 ? "same"
          : t.differences() + " difference(s) in " + t.differingCells() + " cell(s)"));
    }
    List<Difference> d = r.differences();
    if (!d.isEmpty()) {
      sb.append('\n');
    }
    for (int i = 0; i < d.size() && i < maxListed; i++) {
      Difference x = d.get(i);
      sb.append("  ").append(x.kind()).append(' ')
          .append(x.table() != null ? x.table()
          : x.kind() == Difference.Kind.QUERY ? "(query)" : "(schema)");
      if (x.key() != null) {
        sb.append(" key ").append(x.key());
      }
      sb.append(": ").append(x.detail()).append('\n');
      for (Difference.ColumnDiff c : x.columns()) {
        sb.append("      ").append(c.column()).append(": A ").append(c.a()).append(", B ")
            .append(c.b()).append('\n');
      }
    }
    if (d.size() > maxListed) {
      sb.append("  ... ").append(d.size() - maxListed).append(" more (see --json)\n");
    }
    if (r.truncated()) {
      sb.append("  (some tables had more differing rows than were listed)\n");
    }
    return sb.toString();
  }
}
