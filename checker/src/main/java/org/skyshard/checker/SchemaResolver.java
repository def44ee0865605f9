package org.skyshard.checker;

import java.util.Optional;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisSchema;

/**
 * Finds the Felis schema a store was ingested with, by the name its manifest records: the one
 * given with {@code --schema}, else a bundled one (DP0.2, ObsCore).
 */
public final class SchemaResolver {
  private final FelisSchema given;

  /** @param given a schema from {@code --schema}, or null */
  public SchemaResolver(FelisSchema given) {
    this.given = given;
  }

  /** The schema named {@code name}, if known. */
  public Optional<FelisSchema> resolve(String name) {
    if (given != null && given.name().equalsIgnoreCase(name)) {
      return Optional.of(given);
    }
    for (String resource : new String[] {BundledSchemas.DP02, BundledSchemas.OBSCORE}) {
      FelisSchema s = BundledSchemas.load(resource);
      if (s.name().equalsIgnoreCase(name)) {
        return Optional.of(s);
      }
    }
    return Optional.ofNullable(given);
  }
}
