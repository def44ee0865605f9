package org.skyshard.bench;

/** The query languages of the mix: each query is written once per dialect, in a data file. */
public enum Dialect {
  ADQL("adql"),
  POSTGRES("postgres.sql"),
  DUCKDB("duckdb.sql");

  private final String extension;

  Dialect(String extension) {
    this.extension = extension;
  }

  /** The file name of query {@code id} in this dialect. */
  public String file(String id) {
    return id + "." + extension;
  }
}
