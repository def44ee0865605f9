package org.skyshard.tap.vosi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.TapSchema;
import org.skyshard.tap.output.Xml;

/**
 * The VOSI 1.1 tableset ({@code /tables}, {@code detail=min|max}) and single-table
 * ({@code /tables/{name}}) documents, written from the TAP_SCHEMA content so that both always
 * say the same thing.
 */
public final class TablesDocument {
  private static final String NS = " xmlns:vosi=\"http://www.ivoa.net/xml/VOSITables/v1.0\""
      + " xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\""
      + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

  private final List<Object[]> schemas;
  private final List<Object[]> tables;
  private final Map<String, List<Object[]>> columnsByTable = new LinkedHashMap<>();
  private final Map<String, List<Object[]>> keysByTable = new LinkedHashMap<>();
  private final Map<String, List<Object[]>> keyColumns = new LinkedHashMap<>();

  public TablesDocument(List<FelisSchema> served) {
    Map<String, List<Object[]>> c = org.skyshard.tap.TapSchemaContent.of(served);
    this.schemas = sorted(c.get("schemas"), 3);
    this.tables = sorted(c.get("tables"), 5);
    for (Object[] col : c.get("columns")) {
      columnsByTable.computeIfAbsent(lower(col[0]), k -> new ArrayList<>()).add(col);
    }
    columnsByTable.replaceAll((k, v) -> sorted(v, 13));
    for (Object[] key : c.get("keys")) {
      keysByTable.computeIfAbsent(lower(key[1]), k -> new ArrayList<>()).add(key);
    }
    for (Object[] kc : c.get("key_columns")) {
      keyColumns.computeIfAbsent((String) kc[0], k -> new ArrayList<>()).add(kc);
    }
  }

  private static List<Object[]> sorted(List<Object[]> rows, int indexColumn) {
    List<Object[]> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(r -> r[indexColumn] == null ? Integer.MAX_VALUE : (Integer) r[indexColumn]));
    return copy;
  }

  private static String lower(Object o) {
    return ((String) o).toLowerCase(Locale.ROOT);
  }

  /** The tableset; {@code withColumns} false is {@code detail=min}. */
  public String tableset(boolean withColumns) {
    StringBuilder b = new StringBuilder(1 << 16);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<vosi:tableset").append(NS).append(">\n");
    for (Object[] s : schemas) {
      b.append("<schema>\n<name>").append(Xml.escape((String) s[0])).append("</name>\n");
      text(b, "description", s[2]);
      for (Object[] t : tables) {
        if (t[0].equals(s[0])) {
          table(b, "table", t, withColumns, "");
        }
      }
      b.append("</schema>\n");
    }
    b.append("</vosi:tableset>\n");
    return b.toString();
  }

  /** The document of one table by qualified name (case-insensitive), if served. */
  public Optional<String> table(String qualifiedName) {
    for (Object[] t : tables) {
      if (lower(t[1]).equals(qualifiedName.toLowerCase(Locale.ROOT))) {
        StringBuilder b = new StringBuilder(1 << 14);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        table(b, "vosi:table", t, true, NS);
        return Optional.of(b.toString());
      }
    }
    return Optional.empty();
  }

  private void table(StringBuilder b, String element, Object[] t, boolean withColumns, String ns) {
    b.append('<').append(element).append(ns).append(" type=\"output\">\n<name>")
        .append(Xml.escape((String) t[1])).append("</name>\n");
    text(b, "description", t[4]);
    text(b, "utype", t[3]);
    if (withColumns) {
      for (Object[] c : columnsByTable.getOrDefault(lower(t[1]), List.of())) {
        column(b, c);
      }
      for (Object[] k : keysByTable.getOrDefault(lower(t[1]), List.of())) {
        b.append("<foreignKey>\n<targetTable>").append(Xml.escape((String) k[2])).append("</targetTable>\n");
        for (Object[] kc : keyColumns.getOrDefault((String) k[0], List.of())) {
          b.append("<fkColumn><fromColumn>").append(Xml.escape((String) kc[1]))
              .append("</fromColumn><targetColumn>").append(Xml.escape((String) kc[2]))
              .append("</targetColumn></fkColumn>\n");
        }
        text(b, "description", k[3]);
        text(b, "utype", k[4]);
        b.append("</foreignKey>\n");
      }
    }
    b.append("</").append(element).append(">\n");
  }

  private static void column(StringBuilder b, Object[] c) {
    boolean std = Integer.valueOf(1).equals(c[12]);
    b.append("<column").append(std ? " std=\"true\"" : "").append(">\n<name>")
        .append(Xml.escape((String) c[1])).append("</name>\n");
    text(b, "description", c[6]);
    text(b, "unit", c[8]);
    text(b, "ucd", c[9]);
    text(b, "utype", c[7]);
    b.append("<dataType xsi:type=\"vs:VOTableType\"");
    if (c[3] != null) {
      b.append(" arraysize=\"").append(Xml.escape((String) c[3])).append('"');
    }
    if (c[4] != null) {
      b.append(" extendedType=\"").append(Xml.escape((String) c[4])).append('"');
    }
    b.append('>').append(Xml.escape((String) c[2])).append("</dataType>\n");
    if (Integer.valueOf(1).equals(c[10])) {
      b.append("<flag>indexed</flag>\n");
    }
    if (Integer.valueOf(1).equals(c[11])) {
      b.append("<flag>principal</flag>\n");
    }
    b.append("</column>\n");
  }

  private static void text(StringBuilder b, String element, Object value) {
    if (value != null && !value.toString().isBlank()) {
      b.append('<').append(element).append('>').append(Xml.escape(value.toString()))
          .append("</").append(element).append(">\n");
    }
  }
}
