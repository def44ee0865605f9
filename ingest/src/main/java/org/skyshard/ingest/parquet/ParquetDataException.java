package org.skyshard.ingest.parquet;

import java.nio.file.Path;

/**
 * A Parquet file that cannot be read as the table it should hold: unreadable or truncated, a
 * schema that does not match, or a bad value. The message names the file and, where they apply,
 * the row (0-based within the file) and the column; so do the accessors.
 */
public final class ParquetDataException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;
  private final long row;
  private final String column;

  ParquetDataException(String message, Path file, long row, String column, Throwable cause) {
    super(message, cause);
    this.file = file;
    this.row = row;
    this.column = column;
  }

  /** A bad value at {@code row} (0-based within the file) of {@code column}. */
  public static ParquetDataException at(Path file, long row, String column, String detail) {
    return new ParquetDataException(ParquetMessages.badValue(file, row, column, detail), file, row,
        column, null);
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }

  /** The row at fault (0-based within the file), or -1 when no single row is. */
  public long row() {
    return row;
  }

  /** The column at fault, or null when no single column is. */
  public String column() {
    return column;
  }
}
