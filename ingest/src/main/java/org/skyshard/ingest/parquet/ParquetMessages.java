package org.skyshard.ingest.parquet;

import java.nio.file.Path;

/** The user-facing messages of skyshard's Parquet reading and writing, one method per message. */
public final class ParquetMessages {
  private ParquetMessages() {}

  static String notParquet(Path file, String detail) {
    return file + ": not a readable Parquet file (" + detail + ")";
  }

  static String cannotRead(Path file, String detail) {
    return file + ": cannot read: " + detail;
  }

  static String missingColumn(Path file, String table, String column) {
    return file + ": column " + column + " of table " + table + " is missing from the file";
  }

  static String wrongType(Path file, String column, String expected, String found) {
    return file + ": column " + column + " has type " + found + ", the schema needs " + expected;
  }

  static String nullInRequired(Path file, long row, String column) {
    return file + ": row " + row + ", column " + column + ": NULL in a NOT NULL column";
  }

  static String badValue(Path file, long row, String column, String detail) {
    return file + ": row " + row + ", column " + column + ": " + detail;
  }

  static String unknownColumn(String table, String column) {
    return "table " + table + " has no column " + column;
  }
}
