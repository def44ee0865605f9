package org.skyshard.tap.duckdb;

import java.util.ArrayList;
import java.util.List;
import org.skyshard.adql.AdqlException;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.TranslationContext;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;
import org.skyshard.schema.TapSchema;
import org.skyshard.tap.Messages;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.UploadTable;

/**
 * The ADQL translator of module adql-parser, validating against the served schemas, TAP_SCHEMA
 * and the query's uploads. Its SQL names uploads {@code "TAP_UPLOAD"."t"}; they are redirected
 * to the per-query schema the engine loaded them into.
 */
public final class AdqlQueryTranslator implements QueryTranslator {
  private static final String UPLOAD_PREFIX = "\"" + TranslationContext.UPLOAD_SCHEMA + "\".";

  private final AdqlTranslator translator;
  private final TranslationContext context;

  /** A translator for {@code served} (TAP_SCHEMA is added). */
  public AdqlQueryTranslator(List<FelisSchema> served) {
    this(new AdqlTranslator(), served);
  }

  public AdqlQueryTranslator(AdqlTranslator translator, List<FelisSchema> served) {
    this.translator = translator;
    List<FelisSchema> all = new ArrayList<>(served);
    if (served.stream().noneMatch(s -> s.name().equalsIgnoreCase(TapSchema.NAME))) {
      all.add(TapSchema.definition());
    }
    this.context = TranslationContext.of(all);
  }

  @Override
  public Translation translate(String adql, List<UploadTable> uploads, String uploadSchema) {
    TranslationContext ctx = uploads.isEmpty() ? context : context.withUploads(tables(uploads));
    org.skyshard.adql.Translation t;
    try {
      t = translator.translate(adql, ctx);
    } catch (AdqlException e) {
      throw Messages.adql(e.line(), e.column(), e.detail(), e.code(), e);
    }
    String sql = t.duckdbSql();
    if (!uploads.isEmpty()) {
      sql = sql.replace(UPLOAD_PREFIX, uploadSchema + ".");
    }
    List<ResultColumn> cols = new ArrayList<>();
    for (org.skyshard.adql.ResultColumn c : t.columns()) {
      cols.add(new ResultColumn(c.name(), c.datatype(), c.arraysize(), c.unit(), c.ucd(),
          c.utype(), c.description(), c.xtype()));
    }
    return new Translation(sql, cols);
  }

  private static List<Table> tables(List<UploadTable> uploads) {
    List<Table> out = new ArrayList<>();
    for (UploadTable u : uploads) {
      List<Column> cols = new ArrayList<>();
      for (ResultColumn c : u.columns()) {
        cols.add(new Column(c.name(), null, c.datatype(), null, true, c.unit(), c.ucd(), c.utype(),
            c.xtype(), null, c.description(), false, false, null));
      }
      out.add(new Table(u.name(), null, "uploaded table", cols, List.of(), List.of(), null));
    }
    return out;
  }
}
