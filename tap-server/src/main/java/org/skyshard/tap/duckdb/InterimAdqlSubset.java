package org.skyshard.tap.duckdb;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skyshard.tap.Messages;

/**
 * A STOPGAP, not an ADQL parser: passes the query to DuckDB after three textual rewrites that
 * cover the ADQL a TAP client sends before any science query (TAP_SCHEMA listings, COUNT, TOP):
 * {@code SELECT TOP n} becomes a trailing {@code LIMIT n}, {@code TAP_UPLOAD.t} becomes the name
 * the upload was loaded under, and a trailing semicolon is dropped. No geometry, no validation
 * against ADQL: DuckDB's own errors are reported. The adql-parser translator replaces it.
 */
public final class InterimAdqlSubset implements QueryTranslator {
  private static final Pattern TOP =
      Pattern.compile("^(\\s*SELECT\\s+(?:ALL\\s+|DISTINCT\\s+)?)TOP\\s+(\\d+)\\s+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern UPLOAD =
      Pattern.compile("\\bTAP_UPLOAD\\s*\\.\\s*\"?([A-Za-z][A-Za-z0-9_]*)\"?",
          Pattern.CASE_INSENSITIVE);

  @Override
  public Translation translate(String adql, Map<String, String> uploads) {
    String sql = adql.strip();
    while (sql.endsWith(";")) {
      sql = sql.substring(0, sql.length() - 1).stripTrailing();
    }
    if (sql.isEmpty()) {
      throw Messages.emptyQuery();
    }
    Matcher top = TOP.matcher(sql);
    if (top.find()) {
      sql = top.group(1) + sql.substring(top.end()) + "\nLIMIT " + top.group(2);
    }
    Matcher up = UPLOAD.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (up.find()) {
      String physical = uploads.get(up.group(1).toLowerCase(Locale.ROOT));
      if (physical == null) {
        throw Messages.invalidQuery("no uploaded table TAP_UPLOAD." + up.group(1));
      }
      up.appendReplacement(out, Matcher.quoteReplacement(physical));
    }
    up.appendTail(out);
    return new Translation(out.toString(), List.of());
  }
}
