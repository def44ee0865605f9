package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;
import org.skyshard.schema.TapSchema;

/**
 * What a query is validated against: the served schemas (each a {@link FelisSchema}: the catalog
 * schema, {@code ivoa}, {@code TAP_SCHEMA}, or a user's own) and the query's {@code TAP_UPLOAD}
 * tables.
 *
 * <p>Build it once and reuse it for every query (only {@link #withUploads} per query):
 * {@link #dp02()} reads the bundled YAML, and the translator keeps a Calcite view of each schema
 * for as long as the schema object is in use.
 *
 * @param schemas the schemas, in lookup order
 * @param uploads the tables uploaded with this query, addressed as {@code TAP_UPLOAD.name}
 */
public record TranslationContext(List<FelisSchema> schemas, List<Table> uploads) {
  /** The schema name of uploaded tables. */
  public static final String UPLOAD_SCHEMA = "TAP_UPLOAD";

  public TranslationContext {
    schemas = List.copyOf(schemas);
    uploads = List.copyOf(uploads);
  }

  /** The given schemas, no uploads. */
  public static TranslationContext of(List<FelisSchema> schemas) {
    return new TranslationContext(schemas, List.of());
  }

  /** The DP0.2 service: {@code dp02_dc2_catalogs}, {@code ivoa} (ObsCore) and TAP_SCHEMA. */
  public static TranslationContext dp02() {
    return of(List.of(BundledSchemas.dp02(), BundledSchemas.obscore(), TapSchema.definition()));
  }

  /** The same schemas with these uploaded tables. */
  public TranslationContext withUploads(List<Table> tables) {
    return new TranslationContext(schemas, tables);
  }

  /** All schemas including the {@code TAP_UPLOAD} one when there are uploads. */
  List<FelisSchema> allSchemas() {
    List<FelisSchema> all = new ArrayList<>(schemas);
    if (!uploads.isEmpty()) {
      all.add(new FelisSchema(UPLOAD_SCHEMA, "#" + UPLOAD_SCHEMA, "Tables uploaded with the query",
          null, uploads));
    }
    return all;
  }
}
