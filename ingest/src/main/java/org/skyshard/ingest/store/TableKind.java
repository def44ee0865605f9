package org.skyshard.ingest.store;

/** How a table is placed in the store (Qserv's table classes). */
public enum TableKind {
  /** Placed by its own position into the pixel map's chunks. */
  DIRECTOR,
  /** Placed in its director's chunk, through a key referencing the director. */
  CHILD,
  /** Small; stored whole and copied to every worker. */
  REPLICATED;

  /** The lower-case name used in the manifest and in a table-class file. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
