package org.skyshard.ingest.store;

import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

/** Quoting for the DuckDB SQL the store and the ingest generate. */
public final class Sql {
  private Sql() {}

  /** A double-quoted identifier. */
  public static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal. */
  public static String str(String s) {
    return '\'' + s.replace("'", "''") + '\'';
  }

  /** A path as a string literal. */
  public static String path(Path p) {
    return str(p.toAbsolutePath().toString());
  }

  /** A DuckDB list of file paths, for {@code read_parquet([...])}. */
  public static String pathList(Collection<Path> paths) {
    return paths.stream().map(Sql::path).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A comma-separated list of quoted identifiers. */
  public static String idents(Collection<String> names) {
    return names.stream().map(Sql::ident).collect(Collectors.joining(", "));
  }
}
