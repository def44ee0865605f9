package org.skyshard.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Felis YAML file into a {@link FelisSchema}.
 *
 * <p>Only the parts of Felis that a TAP service needs are kept: tables, columns in order,
 * datatypes and lengths, nullability, units, UCDs, utypes, descriptions, primary and foreign
 * keys and the {@code tap:*} annotations. Every problem is a {@link SchemaException} whose
 * message names the file and, where YAML can tell, the line.
 */
public final class FelisLoader {
  private FelisLoader() {}

  /** Loads a Felis file from disk. */
  public static FelisSchema load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SchemaException(file + ": no such schema file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return load(file.toString(), in);
    } catch (IOException e) {
      throw new SchemaException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Loads a Felis document; {@code source} names it in error messages. */
  public static FelisSchema load(String source, InputStream in) {
    Object doc;
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setCodePointLimit(64 * 1024 * 1024);
      doc = new Yaml(new SafeConstructor(options)).load(r);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      String where = mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
      throw new SchemaException(source + where + ": not valid YAML: " + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new SchemaException(source + ": not valid YAML: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new SchemaException(source + ": cannot read: " + e.getMessage(), e);
    }
    return new Builder(source).schema(doc);
  }

  /** Builds the model from the parsed YAML tree, resolving {@code @id} references. */
  private static final class Builder {
    private final String source;
    /** Column {@code @id} (without a leading '#') → column name. */
    private final Map<String, String> columnById = new HashMap<>();
    /** Column {@code @id} → owning table name. */
    private final Map<String, String> tableOfColumnId = new HashMap<>();

    Builder(String source) {
      this.source = source;
    }

    FelisSchema schema(Object doc) {
      Map<String, Object> root = map(doc, "the document");
      String name = requiredString(root, "name", "the schema");
      Object tablesNode = root.get("tables");
      if (!(tablesNode instanceof List<?> tableList) || tableList.isEmpty()) {
        throw fail("schema " + name + " has no tables");
      }
      // First pass: every column id, so keys may reference tables defined later.
      for (Object t : tableList) {
        Map<String, Object> tm = map(t, "a table of schema " + name);
        String tname = requiredString(tm, "name", "a table of schema " + name);
        for (Object c : list(tm.get("columns"), "table " + tname)) {
          Map<String, Object> cm = map(c, "a column of table " + tname);
          String cname = requiredString(cm, "name", "a column of table " + tname);
          String cid = string(cm.get("@id"));
          String key = cid != null ? stripHash(cid) : tname + "." + cname;
          columnById.put(key, cname);
          tableOfColumnId.put(key, tname);
          columnById.putIfAbsent(tname + "." + cname, cname);
          tableOfColumnId.putIfAbsent(tname + "." + cname, tname);
        }
      }
      List<Table> tables = new ArrayList<>();
      for (Object t : tableList) {
        tables.add(table(map(t, "a table")));
      }
      return new FelisSchema(name, string(root.get("@id")), string(root.get("description")),
          string(root.get("version")), tables);
    }

    private Table table(Map<String, Object> tm) {
      String tname = string(tm.get("name"));
      List<Column> columns = new ArrayList<>();
      for (Object c : list(tm.get("columns"), "table " + tname)) {
        columns.add(column(tname, map(c, "a column of table " + tname)));
      }
      if (columns.isEmpty()) {
        throw fail("table " + tname + " has no columns");
      }
      List<String> pk = new ArrayList<>();
      Object pkNode = tm.get("primaryKey");
      if (pkNode instanceof List<?> l) {
        for (Object o : l) {
          pk.add(columnName(string(o), "primary key of table " + tname));
        }
      } else if (pkNode != null) {
        pk.add(columnName(string(pkNode), "primary key of table " + tname));
      }
      List<ForeignKey> fks = new ArrayList<>();
      for (Object c : list(tm.get("constraints"), "table " + tname)) {
        Map<String, Object> cm = map(c, "a constraint of table " + tname);
        if (!"ForeignKey".equals(string(cm.get("@type")))) {
          continue;
        }
        String what = "foreign key " + string(cm.get("name")) + " of table " + tname;
        List<String> cols = new ArrayList<>();
        for (Object o : list(cm.get("columns"), what)) {
          cols.add(columnName(string(o), what));
        }
        List<String> refs = new ArrayList<>();
        String refTable = null;
        for (Object o : list(cm.get("referencedColumns"), what)) {
          String ref = string(o);
          refs.add(columnName(ref, what));
          refTable = tableOfColumnId.get(stripHash(ref));
        }
        if (cols.isEmpty() || cols.size() != refs.size()) {
          throw fail(what + ": columns and referencedColumns must be non-empty and of equal length");
        }
        fks.add(new ForeignKey(string(cm.get("name")), string(cm.get("@id")),
            string(cm.get("description")), cols, refTable, refs));
      }
      return new Table(tname, string(tm.get("@id")), string(tm.get("description")), columns, pk,
          fks, integer(tm.get("tap:table_index"), "tap:table_index of table " + tname));
    }

    private Column column(String table, Map<String, Object> cm) {
      String name = string(cm.get("name"));
      String where = "column " + table + "." + name;
      String dt = string(cm.get("datatype"));
      if (dt == null) {
        throw fail(where + " has no datatype");
      }
      FelisType type = FelisType.fromFelis(dt)
          .orElseThrow(() -> fail(where + ": unknown datatype '" + dt + "'"));
      Object nullableNode = cm.get("nullable");
      boolean nullable = nullableNode == null || Boolean.TRUE.equals(nullableNode)
          || "true".equalsIgnoreCase(String.valueOf(nullableNode));
      String unit = blankToNull(string(cm.get("ivoa:unit")));
      if (unit == null) {
        unit = blankToNull(string(cm.get("fits:tunit")));
      }
      return new Column(name, string(cm.get("@id")), type,
          integer(cm.get("length"), "length of " + where), nullable, unit,
          blankToNull(string(cm.get("ivoa:ucd"))), blankToNull(string(cm.get("votable:utype"))),
          blankToNull(string(cm.get("votable:xtype"))),
          blankToNull(string(cm.get("votable:arraysize"))),
          blankToNull(string(cm.get("description"))),
          flag(cm.get("tap:principal")), flag(cm.get("tap:std")),
          integer(cm.get("tap:column_index"), "tap:column_index of " + where));
    }

    private String columnName(String ref, String what) {
      if (ref == null) {
        throw fail(what + ": empty column reference");
      }
      String name = columnById.get(stripHash(ref));
      if (name == null) {
        throw fail(what + ": no column with @id '" + ref + "'");
      }
      return name;
    }

    private SchemaException fail(String message) {
      return new SchemaException(source + ": " + message);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object node, String what) {
      if (node instanceof Map<?, ?> m) {
        return (Map<String, Object>) m;
      }
      throw fail(what + " is not a mapping");
    }

    private List<?> list(Object node, String what) {
      if (node == null) {
        return List.of();
      }
      if (node instanceof List<?> l) {
        return l;
      }
      throw fail(what + ": expected a list, found " + node);
    }

    private String requiredString(Map<String, Object> m, String key, String what) {
      String s = blankToNull(string(m.get(key)));
      if (s == null) {
        throw fail(what + " has no " + key);
      }
      return s;
    }

    private Integer integer(Object node, String what) {
      if (node == null) {
        return null;
      }
      if (node instanceof Number n) {
        return n.intValue();
      }
      try {
        return Integer.valueOf(node.toString().trim());
      } catch (NumberFormatException e) {
        throw fail(what + ": not an integer: '" + node + "'");
      }
    }

    private static boolean flag(Object node) {
      if (node instanceof Number n) {
        return n.intValue() != 0;
      }
      return node instanceof Boolean b ? b : node != null && "true".equalsIgnoreCase(node.toString());
    }

    private static String string(Object node) {
      return node == null ? null : node.toString();
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }

    private static String stripHash(String id) {
      return id.startsWith("#") ? id.substring(1) : id;
    }
  }
}
