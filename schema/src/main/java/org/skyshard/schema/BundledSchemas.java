package org.skyshard.schema;

import java.io.IOException;
import java.io.InputStream;

/**
 * The Felis schemas shipped with skyshard (see {@code SOURCE.md} beside them): the DP0.2
 * catalogs and the DP0.2 ObsCore table.
 */
public final class BundledSchemas {
  /** Resource name of the DP0.2 catalog schema ({@code dp02_dc2_catalogs}). */
  public static final String DP02 = "dp02_dc2.yaml";
  /** Resource name of the DP0.2 ObsCore schema ({@code ivoa}). */
  public static final String OBSCORE = "dp02_obscore.yaml";

  private BundledSchemas() {}

  /** The DP0.2 catalog schema. */
  public static FelisSchema dp02() {
    return load(DP02);
  }

  /** The ObsCore schema ({@code ivoa.ObsCore}). */
  public static FelisSchema obscore() {
    return load(OBSCORE);
  }

  /** Loads one of the bundled schema files by resource name. */
  public static FelisSchema load(String resource) {
    try (InputStream in = BundledSchemas.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new SchemaException("no bundled schema named " + resource);
      }
      return FelisLoader.load(resource, in);
    } catch (IOException e) {
      throw new SchemaException(resource + ": cannot read: " + e.getMessage(), e);
    }
  }
}
