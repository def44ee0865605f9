package org.skyshard.ingest.input;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.skyshard.ingest.IngestMessages;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableRule;
import org.skyshard.ingest.write.Duck;
import org.skyshard.schema.Column;
import org.skyshard.schema.Table;

/**
 * The row-level checks, each one DuckDB query over a table's rows that reports the first bad
 * row by file and row: NULL where the schema (or the primary key, or a director's position)
 * forbids it; NaN or out-of-range positions; duplicate primary keys within and across files;
 * child rows whose director row does not exist.
 */
public final class RowChecks {
  private final Duck duck;

  public RowChecks(Duck duck) {
    this.duck = duck;
  }

  /** NULLs and bad positions. */
  public void checkValues(Table table, TableRule rule, TableSource src) throws SQLException {
    Set<String> notNull = new LinkedHashSet<>();
    for (Column c : table.columns()) {
      if (!c.nullable()) {
        notNull.add(c.name());
      }
    }
    notNull.addAll(table.primaryKey());
    if (rule.ra() != null) {
      notNull.add(rule.ra());
      notNull.add(rule.dec());
    }
    if (!notNull.isEmpty()) {
      StringBuilder cond = new StringBuilder();
      StringBuilder which = new StringBuilder("CASE");
      for (String c : notNull) {
        if (cond.length() > 0) {
          cond.append(" OR ");
        }
        cond.append(Sql.ident(c)).append(" IS NULL");
        which.append(" WHEN ").append(Sql.ident(c)).append(" IS NULL THEN ").append(Sql.str(c));
      }
      which.append(" END");
      List<String[]> bad = duck.rows("SELECT filename, file_row_number, " + which + " FROM "
          + src.relation() + " WHERE " + cond + " ORDER BY filename, file_row_number LIMIT 1");
      if (!bad.isEmpty()) {
        throw IngestMessages.nullValue(table.name(), bad.get(0)[0], Long.parseLong(bad.get(0)[1]),
            bad.get(0)[2]);
      }
    }
    if (rule.ra() != null) {
      String ra = Sql.ident(rule.ra());
      String dec = Sql.ident(rule.dec());
      String badRa = "(isnan(" + ra + ") OR " + ra + " < 0 OR " + ra + " > 360)";
      String badDec = "(isnan(" + dec + ") OR " + dec + " < -90 OR " + dec + " > 90)";
      List<String[]> bad = duck.rows("SELECT filename, file_row_number, CASE WHEN " + badRa
          + " THEN " + Sql.str(rule.ra()) + " ELSE " + Sql.str(rule.dec()) + " END, CASE WHEN "
          + badRa + " THEN CAST(" + ra + " AS VARCHAR) ELSE CAST(" + dec + " AS VARCHAR) END FROM "
          + src.relation() + " WHERE " + badRa + " OR " + badDec
          + " ORDER BY filename, file_row_number LIMIT 1");
      if (!bad.isEmpty()) {
        String[] b = bad.get(0);
        throw IngestMessages.badPosition(table.name(), b[0], Long.parseLong(b[1]), b[2], b[3]);
      }
    }
  }

  /** Duplicate primary keys, within a file or across files. */
  public void checkUniqueKey(Table table, TableSource src) throws SQLException {
    List<String> pk = table.primaryKey();
    if (pk.isEmpty()) {
      return;
    }
    String keys = Sql.idents(pk);
    String keyText = pk.size() == 1 ? "CAST(" + Sql.ident(pk.get(0)) + " AS VARCHAR)"
        : "CAST(row(" + keys + ") AS VARCHAR)";
    String dups = "(SELECT " + keys + " FROM " + src.relation() + " GROUP BY " + keys
        + " HAVING count(*) > 1)";
    long count = duck.single("SELECT count(*) FROM " + dups);
    if (count == 0) {
      return;
    }
    List<String[]> rows = duck.rows("WITH d AS (SELECT " + keys + " FROM " + dups
        + " ORDER BY " + keys + " LIMIT 1) SELECT " + keyText + ", s.filename, s.file_row_number"
        + " FROM " + src.relation() + " s SEMI JOIN d USING (" + keys + ")"
        + " ORDER BY s.filename, s.file_row_number LIMIT 2");
    throw IngestMessages.duplicateKey(table.name(), String.join(", ", pk), rows.get(0)[0],
        rows.get(0)[1], Long.parseLong(rows.get(0)[2]), rows.get(1)[1],
        Long.parseLong(rows.get(1)[2]), count - 1);
  }

  /**
   * Child rows whose key names no row of the director, or is NULL without a fallback director
   * that places them. {@code positions} and {@code fallbackPositions} are relations
   * {@code (k, _healpix_29)} of the directors' keys (the latter null without a fallback).
   */
  public void checkOrphans(TableRule rule, TableSource src, String positions,
      String fallbackPositions) throws SQLException {
    String key = Sql.ident(rule.key());
    TableRule fb = rule.fallback();
    String fbShown = fb == null ? "" : " || ', " + fb.key() + " = ' || coalesce(CAST(c."
        + Sql.ident(fb.key()) + " AS VARCHAR), 'NULL')";
    String withKey = fb == null ? src.relation()
        : "(SELECT * FROM " + src.relation() + " WHERE " + key + " IS NOT NULL)";
    String orphans = "SELECT c.filename, c.file_row_number, coalesce(CAST(c." + key
        + " AS VARCHAR), 'NULL')" + fbShown + " AS k FROM " + withKey + " c ANTI JOIN "
        + positions + " d ON c." + key + " = d.k";
    if (fb != null) {
      orphans += " UNION ALL SELECT c.filename, c.file_row_number, 'NULL'" + fbShown
          + " AS k FROM (SELECT * FROM " + src.relation() + " WHERE " + key + " IS NULL) c"
          + " ANTI JOIN " + fallbackPositions + " f ON c." + Sql.ident(fb.key()) + " = f.k";
    }
    orphans = "(" + orphans + ")";
    long count = duck.single("SELECT count(*) FROM " + orphans);
    if (count == 0) {
      return;
    }
    List<String> examples = new ArrayList<>();
    for (String[] r : duck.rows("SELECT filename, file_row_number, coalesce(k, 'NULL') FROM "
        + orphans + " ORDER BY filename, file_row_number LIMIT 3")) {
      examples.add("file " + r[0] + ", row " + r[1] + ": " + rule.key() + " = " + r[2]);
    }
    String target = rule.director() + "." + rule.directorKey()
        + (fb == null ? "" : " (or, for a NULL " + rule.key() + ", " + fb.director() + "."
        + fb.directorKey() + ")");
    throw IngestMessages.orphans(rule.table(), rule.key(), target, count, examples);
  }
}
