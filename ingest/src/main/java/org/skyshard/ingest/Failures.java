package org.skyshard.ingest;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns what the file system and DuckDB throw into one-line {@link IngestException}s. */
final class Failures {
  private Failures() {}

  static IngestException translate(Throwable e, Path where, String table) {
    if (e instanceof IngestException ie) {
      return ie;
    }
    String msg = firstLine(e.getMessage());
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("No space left on device") || m.contains("Disk full")
          || m.contains("not enough space") || m.contains("ENOSPC")) {
        return IngestMessages.diskFull(where, firstLine(m));
      }
    }
    String prefix = table == null ? "" : "table " + table + ": ";
    if (e instanceof SQLException) {
      return new IngestException(prefix + "DuckDB failed: " + msg, e);
    }
    if (e instanceof java.io.IOException) {
      return IngestMessages.io(where, prefix + msg);
    }
    return new IngestException(prefix + "internal error: " + e, e);
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
