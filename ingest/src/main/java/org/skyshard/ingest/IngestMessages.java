package org.skyshard.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * The one catalogue of the ingest's user-facing messages. Positioned messages read
 * {@code table Object, file F, row R, column C: what is wrong}; rows are 0-based within the file.
 */
public final class IngestMessages {
  private IngestMessages() {}

  /** The position prefix: table, file, row (or -1 for none) and column (or null for none). */
  public static String at(String table, Object file, long row, String column) {
    StringBuilder sb = new StringBuilder("table ").append(table);
    if (file != null) {
      sb.append(", file ").append(file);
    }
    if (row >= 0) {
      sb.append(", row ").append(row);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    return sb.toString();
  }

  public static IngestException emptyInput(Path input) {
    return new IngestException("no Parquet files found under " + input
        + " (expected DIR/<Table>/*.parquet or DIR/<Table>*.parquet)");
  }

  public static IngestException inputMissing(Path input) {
    return new IngestException("input directory " + input + " does not exist");
  }

  public static IngestException unknownTable(String name, Path where) {
    return new IngestException("input " + where + " names table " + name
        + ", which the schema does not have");
  }

  public static IngestException notAStore(Path dir) {
    return new IngestException(dir + " is not a skyshard store (it is not empty and has no "
        + "skyshard-store marker); choose an empty or new directory");
  }

  public static IngestException storeLocked(Path dir) {
    return new IngestException("another ingest is running on the store " + dir);
  }

  public static IngestException unreadable(String table, Path file, String detail) {
    return new IngestException(at(table, file, -1, null)
        + ": not a readable Parquet file (truncated or not Parquet): " + detail);
  }

  public static IngestException missingColumns(String table, Path file, List<String> columns) {
    return new IngestException(at(table, file, -1, columns.get(0))
        + ": missing column" + (columns.size() > 1 ? "s " : " ") + String.join(", ", columns));
  }

  public static IngestException extraColumns(String table, Path file, List<String> columns) {
    return new IngestException(at(table, file, -1, columns.get(0))
        + ": column" + (columns.size() > 1 ? "s " : " ") + String.join(", ", columns)
        + " not in the schema");
  }

  public static IngestException wrongType(String table, Path file, String column,
      String expected, String found) {
    return new IngestException(at(table, file, -1, column) + ": type " + found
        + ", the schema says " + expected);
  }

  public static IngestException nullValue(String table, String file, long row, String column) {
    return new IngestException(at(table, file, row, column)
        + ": NULL in a column that must not be NULL");
  }

  public static IngestException badPosition(String table, String file, long row, String column,
      String value) {
    return new IngestException(at(table, file, row, column) + ": position " + value
        + " is NaN or out of range (ra in [0, 360], dec in [-90, 90])");
  }

  public static IngestException duplicateKey(String table, String column, String key,
      String file1, long row1, String file2, long row2, long more) {
    return new IngestException(at(table, file1, row1, column) + ": duplicate primary key " + key
        + ", also at file " + file2 + ", row " + row2
        + (more > 0 ? " (" + more + " more duplicated keys)" : ""));
  }

  public static IngestException orphans(String table, String column, String director,
      long count, List<String> examples) {
    return new IngestException("table " + table + ", column " + column + ": " + count
        + " row" + (count == 1 ? "" : "s") + " whose " + director
        + " does not exist, e.g. " + String.join("; ", examples));
  }

  public static IngestException diskFull(Path store, String detail) {
    return new IngestException("no space left on the device holding " + store
        + "; nothing was published (" + detail + ")");
  }

  public static IngestException io(Path where, String detail) {
    return new IngestException("cannot write " + where + ": " + detail);
  }

  public static IngestException badClassFile(Path file, int line, String detail) {
    return badClassFile(file.toString(), line, detail);
  }

  public static IngestException badClassFile(String file, int line, String detail) {
    return new IngestException(file + ":" + line + ": " + detail);
  }

  public static IngestException badTableRule(String table, String detail) {
    return new IngestException("table " + table + ": " + detail);
  }
}
