package org.skyshard.bench;

import java.nio.file.Path;
import java.util.Map;

/** Every user-facing message of the bench, one method each. */
final class BenchMessages {
  private BenchMessages() {}

  static String badOption(String option, Object value) {
    return "bench: invalid value for " + option + ": " + value;
  }

  static String unknownEngine(String name) {
    return "bench: unknown engine '" + name + "' (engines: skyshard, skyshard-tap, postgres,"
        + " duckdb)";
  }

  static String unknownQuery(String id) {
    return "bench: unknown query '" + id + "' (the mix is Q1..Q11)";
  }

  static String missingQueryFile(String file) {
    return "bench: the query mix lacks " + file;
  }

  static String rowMismatch(String query, Map<String, Long> rowsByEngine) {
    return "bench: ROW COUNT MISMATCH on " + query + ": " + rowsByEngine
        + " - a hand translation or an engine is wrong; no timing of this run is valid";
  }

  static String unstableRows(String query, String engine, long first, long now) {
    return "bench: " + engine + " returned " + now + " rows for " + query + " after " + first
        + " in an earlier run";
  }

  static String queryFailed(String engine, String query, String why) {
    return "bench: " + engine + " failed on " + query + ": " + why;
  }

  static String noPgPackages(String why) {
    return "bench: PostgreSQL 15 or its q3c extension is missing and could not be installed ("
        + why + "); install them with 'apt-get install -y postgresql-15 postgresql-15-q3c'";
  }

  static String noPostgres(String why) {
    return "bench: cannot start PostgreSQL: " + why;
  }

  static String loadFailed(String engine, String table, String why) {
    return "bench: loading " + table + " into " + engine + " failed: " + why;
  }

  static String generateFailed(Path dir, String why) {
    return "bench: generating the release in " + dir + " failed: " + why;
  }

  static String engineNotLanded() {
    return "n/a (engine not landed)";
  }

  static String writeFailed(Path where, String why) {
    return "bench: cannot write results to " + where + ": " + why;
  }
}
