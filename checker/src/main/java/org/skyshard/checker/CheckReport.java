package org.skyshard.checker;

import java.util.List;

/**
 * The outcome of one check.
 *
 * @param siteA site A's label
 * @param siteB site B's label
 * @param order the HEALPix order of the cells compared
 * @param tables how each compared table went
 * @param differences every difference found (row differences capped per table, see
 *     {@code truncated})
 * @param truncated true when some table had more differing rows than were listed
 * @param traffic what was moved from the sites
 * @param millis wall time of the check
 */
public record CheckReport(String siteA, String siteB, int order, List<TableResult> tables,
    List<Difference> differences, boolean truncated, Traffic traffic, long millis) {
  public CheckReport {
    tables = List.copyOf(tables);
    differences = List.copyOf(differences);
  }

  /** True when nothing differs. */
  public boolean consistent() {
    return differences.isEmpty();
  }

  /** How many tables have at least one difference (schema-wide differences count as one). */
  public long tablesWithDifferences() {
    return differences.stream().map(d -> d.table() == null ? "" : d.table()).distinct().count();
  }
}
