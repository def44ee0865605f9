package org.skyshard.adql;

/**
 * DuckDB SQL testing whether a point lies in a region stored as an STC-S string
 * ({@code POLYGON ICRS 55.1 -32.0 55.6 -32.0 ...} or {@code CIRCLE ICRS 55.3 -32.2 0.5}), as
 * ObsCore's {@code s_region} is. The numbers of the string are its coordinates (frame words are
 * skipped). A polygon uses the same winding-angle test as literal polygons, over DuckDB lists.
 * Template operands: {@code {0}} right ascension, {@code {1}} declination, {@code {2}} the
 * string.
 */
final class StcsSql {
  private StcsSql() {}

  /** The numbers of the STC-S string, as a list of doubles. */
  private static final String NUMBERS = "list_transform(list_filter(string_split(regexp_replace("
      + "trim({2}), '\\s+', ' ', 'g'), ' '), lambda t: TRY_CAST(t AS DOUBLE) IS NOT NULL),"
      + " lambda t: CAST(t AS DOUBLE))";

  private static String vertex(String k) {
    String ra = "radians(v[2 * (" + k + ") - 1])";
    String dec = "radians(v[2 * (" + k + ")])";
    return "cos(" + dec + ") * cos(" + ra + ")|cos(" + dec + ") * sin(" + ra + ")|sin(" + dec
        + ")";
  }

  private static String build() {
    String px = "(cos(radians({1})) * cos(radians({0})))";
    String py = "(cos(radians({1})) * sin(radians({0})))";
    String pz = "sin(radians({1}))";
    String[] a = vertex("i").split("\\|");
    String[] b = vertex("i % n + 1").split("\\|");
    String ax = "(" + a[0] + ")";
    String ay = "(" + a[1] + ")";
    String az = "(" + a[2] + ")";
    String bx = "(" + b[0] + ")";
    String by = "(" + b[1] + ")";
    String bz = "(" + b[2] + ")";
    String sine = px + " * (" + ay + " * " + bz + " - " + az + " * " + by + ") + " + py + " * ("
        + az + " * " + bx + " - " + ax + " * " + bz + ") + " + pz + " * (" + ax + " * " + by
        + " - " + ay + " * " + bx + ")";
    String ab = ax + " * " + bx + " + " + ay + " * " + by + " + " + az + " * " + bz;
    String ap = ax + " * " + px + " + " + ay + " * " + py + " + " + az + " * " + pz;
    String bp = bx + " * " + px + " + " + by + " * " + py + " + " + bz + " * " + pz;
    String angle = "atan2(" + sine + ", (" + ab + ") - (" + ap + ") * (" + bp + "))";
    String polygon = "abs(list_sum(list_transform(range(1, n + 1), lambda i: " + angle
        + "))) > pi()";
    String circle = "power(sin(radians(v[2] - {1}) / 2), 2) + cos(radians({1}))"
        + " * cos(radians(v[2])) * power(sin(radians(v[1] - {0}) / 2), 2)"
        + " <= power(sin(radians(v[3]) / 2), 2)";
    // A correlated scalar subquery parses the string once per row.
    return "SELECT CASE WHEN upper(trim({2})) LIKE 'CIRCLE%' THEN " + circle + " ELSE "
        + polygon + " END FROM (SELECT v, len(v) // 2 AS n FROM (SELECT " + NUMBERS
        + " AS v) AS stcs_numbers) AS stcs_region";
  }

  static final String CONTAINS_POINT = build();

  /**
   * Whether a circle (centre {@code {0}}, {@code {1}}, radius {@code {3}}) meets the region
   * {@code {2}}: for a polygon, the centre is inside or an edge comes within the radius (the
   * same arc test as for literal polygons); for a circle, the centres are closer than the sum
   * of the radii.
   */
  static final String INTERSECTS_CIRCLE = buildIntersects();

  private static String buildIntersects() {
    String cx = "(cos(radians({1})) * cos(radians({0})))";
    String cy = "(cos(radians({1})) * sin(radians({0})))";
    String cz = "sin(radians({1}))";
    String[] a = vertex("i").split("\\|");
    String[] b = vertex("i % n + 1").split("\\|");
    String ax = "(" + a[0] + ")";
    String ay = "(" + a[1] + ")";
    String az = "(" + a[2] + ")";
    String bx = "(" + b[0] + ")";
    String by = "(" + b[1] + ")";
    String bz = "(" + b[2] + ")";
    String ab = "(" + ax + " * " + bx + " + " + ay + " * " + by + " + " + az + " * " + bz + ")";
    String ca = "(" + ax + " * " + cx + " + " + ay + " * " + cy + " + " + az + " * " + cz + ")";
    String cb = "(" + bx + " * " + cx + " + " + by + " * " + cy + " + " + bz + " * " + cz + ")";
    String cn = "(" + cx + " * (" + ay + " * " + bz + " - " + az + " * " + by + ") + " + cy
        + " * (" + az + " * " + bx + " - " + ax + " * " + bz + ") + " + cz + " * (" + ax + " * "
        + by + " - " + ay + " * " + bx + "))";
    String edge = "((" + cb + " - " + ab + " * " + ca + " >= 0 AND " + ca + " - " + ab + " * "
        + cb + " >= 0 AND power(" + cn + ", 2) <= power(sin(radians({3})), 2) * (1 - power(" + ab
        + ", 2))) OR " + ca + " >= cos(radians({3})))";
    String inside = build().replace("SELECT CASE WHEN upper(trim({2})) LIKE 'CIRCLE%' THEN ",
        "").replaceAll(" END FROM \\(SELECT v, len.*$", "");
    String polygon = inside.substring(inside.indexOf(" ELSE ") + 6);
    String circle = "degrees(2 * asin(least(1.0, sqrt(power(sin(radians(v[2] - {1}) / 2), 2)"
        + " + cos(radians({1})) * cos(radians(v[2])) * power(sin(radians(v[1] - {0}) / 2), 2)))))"
        + " <= v[3] + {3}";
    return "SELECT CASE WHEN upper(trim({2})) LIKE 'CIRCLE%' THEN " + circle + " ELSE ("
        + polygon + ") OR list_bool_or(list_transform(range(1, n + 1), lambda i: " + edge
        + ")) END FROM (SELECT v, len(v) // 2 AS n FROM (SELECT " + NUMBERS
        + " AS v) AS stcs_numbers) AS stcs_region";
  }
}
