package org.skyshard.query.plan;

import java.util.OptionalLong;

/** The directors' id indexes as the planner sees them: key to {@code _healpix_29}. */
public interface IdLookup {
  /** True when {@code director} has an id index this lookup answers for. */
  boolean indexes(String director);

  /** The {@code _healpix_29} of the {@code director} row with this key, or empty if none. */
  OptionalLong hp29(String director, long key);

  /** A lookup that knows no index (every id constraint then keeps every chunk). */
  static IdLookup none() {
    return new IdLookup() {
      @Override
      public boolean indexes(String director) {
        return false;
      }

      @Override
      public OptionalLong hp29(String director, long key) {
        return OptionalLong.empty();
      }
    };
  }
}
