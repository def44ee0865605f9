package org.skyshard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The values of the mix's placeholders, taken from the release itself so every size works:
 * {@code objectId} is the Object row nearest the cone centre (RA 62, Dec -37) that has
 * ForcedSource rows (a light curve to fetch); {@code ra} and {@code dec} are its position.
 */
final class Parameters {
  private Parameters() {}

  static Map<String, String> of(Path release) {
    String object = glob(release, "Object");
    String forced = glob(release, "ForcedSource");
    String sql = "SELECT o.objectId, o.coord_ra, o.coord_dec FROM read_parquet('" + object + "') o "
        + "WHERE o.objectId IN (SELECT objectId FROM read_parquet('" + forced + "')) "
        + "ORDER BY (o.coord_ra - 62.0) * (o.coord_ra - 62.0) + (o.coord_dec + 37.0) "
        + "* (o.coord_dec + 37.0), o.objectId LIMIT 1";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      if (!rs.next()) {
        throw new BenchException(BenchMessages.loadFailed("bench", "Object",
            "no object has ForcedSource rows"));
      }
      return Map.of("objectId", Long.toString(rs.getLong(1)), "ra",
          Double.toString(rs.getDouble(2)), "dec", Double.toString(rs.getDouble(3)));
    } catch (SQLException e) {
      throw new BenchException(BenchMessages.loadFailed("bench", "Object", e.getMessage()), e);
    }
  }

  private static String glob(Path release, String table) {
    return (release.resolve(table).toAbsolutePath() + "/*.parquet").replace("'", "''");
  }
}
