package org.skyshard.ingest;

/**
 * A user error found by the ingest: bad input, a store that is not a store, a full disk. The
 * message is one line that names, where they apply, the table, the file, the row (0-based within
 * the file) and the column; the published catalog is unchanged when it is thrown.
 */
public final class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
