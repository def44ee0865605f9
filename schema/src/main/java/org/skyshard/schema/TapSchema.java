package org.skyshard.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TAP_SCHEMA (TAP 1.1 section 4): its own definition as a Felis schema, so it is queryable in
 * ADQL like any other table, and its content for a set of served schemas.
 *
 * <p>Tables are listed by their qualified name ({@code dp02_dc2_catalogs.Object}). A column is
 * {@code indexed} when it is part of a primary or foreign key, or is the main position
 * ({@code pos.eq.ra;meta.main}, {@code pos.eq.dec;meta.main}) that the store is sharded on.
 * TAP_SCHEMA describes itself too.
 */
public final class TapSchema {
  /** The schema name, as clients spell it. */
  public static final String NAME = "TAP_SCHEMA";

  private TapSchema() {}

  /** The five TAP_SCHEMA tables with their TAP 1.1 columns. */
  public static FelisSchema definition() {
    List<Table> tables = List.of(
        table("schemas", "Schemas served by this service", List.of("schema_name"),
            col("schema_name", FelisType.STRING, 64, false, "Schema name, as used in queries", "meta.id;meta.dataset"),
            col("utype", FelisType.STRING, 512, true, "Data model type of the schema", "meta.id"),
            col("description", FelisType.STRING, 2048, true, "Description of the schema", "meta.note"),
            col("schema_index", FelisType.INT, null, true, "Recommended sort order when listing schemas", "meta.code")),
        table("tables", "Tables served by this service", List.of("table_name"),
            col("schema_name", FelisType.STRING, 64, false, "The schema the table belongs to", "meta.id;meta.dataset"),
            col("table_name", FelisType.STRING, 128, false, "Fully qualified table name", "meta.id;meta.table"),
            col("table_type", FelisType.STRING, 8, false, "'table' or 'view'", "meta.code"),
            col("utype", FelisType.STRING, 512, true, "Data model type of the table", "meta.id"),
            col("description", FelisType.STRING, 2048, true, "Description of the table", "meta.note"),
            col("table_index", FelisType.INT, null, true, "Recommended sort order when listing tables", "meta.code")),
        table("columns", "Columns of the tables served by this service", List.of("table_name", "column_name"),
            col("table_name", FelisType.STRING, 128, false, "Fully qualified table name", "meta.id;meta.table"),
            col("column_name", FelisType.STRING, 64, false, "Column name", "meta.id;meta.main"),
            col("datatype", FelisType.STRING, 64, false, "VOTable datatype of the column", "meta.code"),
            col("arraysize", FelisType.STRING, 16, true, "VOTable arraysize of the column", "meta.code"),
            col("xtype", FelisType.STRING, 64, true, "VOTable/DALI xtype of the column", "meta.code"),
            col("size", FelisType.INT, null, true, "Length of a fixed-length column (deprecated in TAP 1.1)", "meta.number"),
            col("description", FelisType.STRING, 2048, true, "Description of the column", "meta.note"),
            col("utype", FelisType.STRING, 512, true, "Data model type of the column", "meta.id"),
            col("unit", FelisType.STRING, 64, true, "Unit in VO standard format", "meta.unit"),
            col("ucd", FelisType.STRING, 64, true, "Unified content descriptor", "meta.ucd"),
            col("indexed", FelisType.INT, null, false, "1 if the column is indexed, else 0", "meta.code"),
            col("principal", FelisType.INT, null, false, "1 if the column is principal, else 0", "meta.code"),
            col("std", FelisType.INT, null, false, "1 if the column is defined by a standard, else 0", "meta.code"),
            col("column_index", FelisType.INT, null, true, "Recommended sort order when listing columns", "meta.code")),
        table("keys", "Foreign keys between the tables served by this service", List.of("key_id"),
            col("key_id", FelisType.STRING, 64, false, "Unique key identifier", "meta.id"),
            col("from_table", FelisType.STRING, 128, false, "Fully qualified table name of the referencing table", "meta.id;meta.table"),
            col("target_table", FelisType.STRING, 128, false, "Fully qualified table name of the referenced table", "meta.id;meta.table"),
            col("description", FelisType.STRING, 2048, true, "Description of the key", "meta.note"),
            col("utype", FelisType.STRING, 512, true, "Data model type of the key", "meta.id")),
        table("key_columns", "Columns of the foreign keys", List.of("key_id", "from_column"),
            col("key_id", FelisType.STRING, 64, false, "Key identifier from TAP_SCHEMA.keys", "meta.id"),
            col("from_column", FelisType.STRING, 64, false, "Column of the referencing table", "meta.id"),
            col("target_column", FelisType.STRING, 64, false, "Column of the referenced table", "meta.id")));
    return new FelisSchema(NAME, "#" + NAME, "Metadata about the tables and columns this service serves (TAP 1.1)", "1.1", tables);
  }

  /**
   * The rows of every TAP_SCHEMA table, keyed by table name ({@code schemas}, {@code tables},
   * {@code columns}, {@code keys}, {@code key_columns}); each row holds one value per column of
   * {@link #definition()}, in order ({@code String}, {@code Integer} or null). TAP_SCHEMA itself
   * is described after the given schemas.
   */
  public static Map<String, List<Object[]>> content(List<FelisSchema> served) {
    List<FelisSchema> all = new ArrayList<>(served);
    all.add(definition());
    List<Object[]> schemas = new ArrayList<>();
    List<Object[]> tables = new ArrayList<>();
    List<Object[]> columns = new ArrayList<>();
    List<Object[]> keys = new ArrayList<>();
    List<Object[]> keyColumns = new ArrayList<>();
    int schemaIndex = 0;
    for (FelisSchema s : all) {
      schemaIndex++;
      schemas.add(new Object[] {s.name(), null, s.description(), schemaIndex * 10});
      for (Table t : s.tables()) {
        String qualified = s.name() + "." + t.name();
        tables.add(new Object[] {s.name(), qualified, "table", null, t.description(), t.tableIndex()});
        List<String> indexed = indexedColumns(t);
        for (Column c : t.columns()) {
          Integer size = sizeOf(c.votableArraysize());
          columns.add(new Object[] {qualified, c.name(), c.datatype().votableDatatype(),
              c.votableArraysize(), c.votableXtype(), size, c.description(), c.utype(), c.unit(),
              c.ucd(), indexed.contains(c.name().toLowerCase(Locale.ROOT)) ? 1 : 0,
              c.principal() ? 1 : 0, c.std() ? 1 : 0, c.columnIndex()});
        }
        for (ForeignKey fk : t.foreignKeys()) {
          String keyId = fk.name() != null ? fk.name() : t.name() + "_" + String.join("_", fk.columns());
          keys.add(new Object[] {keyId, qualified, s.name() + "." + fk.referencedTable(), fk.description(), null});
          for (int i = 0; i < fk.columns().size(); i++) {
            keyColumns.add(new Object[] {keyId, fk.columns().get(i), fk.referencedColumns().get(i)});
          }
        }
      }
    }
    Map<String, List<Object[]>> out = new LinkedHashMap<>();
    out.put("schemas", List.copyOf(schemas));
    out.put("tables", List.copyOf(tables));
    out.put("columns", List.copyOf(columns));
    out.put("keys", List.copyOf(keys));
    out.put("key_columns", List.copyOf(keyColumns));
    return out;
  }

  /** TAP 1.1's deprecated {@code size}: the length a fixed or bounded arraysize gives, else null. */
  static Integer sizeOf(String arraysize) {
    if (arraysize == null) {
      return null;
    }
    String digits = arraysize.endsWith("*") ? arraysize.substring(0, arraysize.length() - 1) : arraysize;
    return digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) ? null : Integer.valueOf(digits);
  }

  private static List<String> indexedColumns(Table t) {
    List<String> names = new ArrayList<>();
    t.primaryKey().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    t.foreignKeys().forEach(fk -> fk.columns().forEach(n -> names.add(n.toLowerCase(Locale.ROOT))));
    for (Column c : t.columns()) {
      if ("pos.eq.ra;meta.main".equals(c.ucd()) || "pos.eq.dec;meta.main".equals(c.ucd())) {
        names.add(c.name().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static Table table(String name, String description, List<String> key, Column... columns) {
    List<Column> indexed = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      indexed.add(new Column(c.name(), "#" + NAME + "." + name + "." + c.name(), c.datatype(),
          c.length(), c.nullable(), c.unit(), c.ucd(), c.utype(), c.xtype(), c.arraysize(),
          c.description(), c.principal(), c.std(), i + 1));
    }
    List<ForeignKey> fks = switch (name) {
      case "tables" -> List.of(fk("tables_schema", "schema_name", "schemas", "schema_name"));
      case "columns" -> List.of(fk("columns_table", "table_name", "tables", "table_name"));
      case "keys" -> List.of(fk("keys_from", "from_table", "tables", "table_name"),
          fk("keys_target", "target_table", "tables", "table_name"));
      case "key_columns" -> List.of(fk("key_columns_key", "key_id", "keys", "key_id"));
      default -> List.<ForeignKey>of();
    };
    return new Table(name, "#" + NAME + "." + name, description, indexed, key, fks,
        TAP_TABLE_INDEX.indexOf(name) + 1);
  }

  private static final List<String> TAP_TABLE_INDEX =
      List.of("schemas", "tables", "columns", "keys", "key_columns");

  private static ForeignKey fk(String id, String column, String target, String targetColumn) {
    return new ForeignKey(id, "#" + id, "Standard TAP_SCHEMA key", List.of(column), target,
        List.of(targetColumn));
  }

  private static Column col(String name, FelisType type, Integer length, boolean nullable,
      String description, String ucd) {
    return new Column(name, null, type, length, nullable, null, ucd, null, null, null,
        description, true, true, null);
  }
}
