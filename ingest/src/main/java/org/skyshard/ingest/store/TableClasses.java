package org.skyshard.ingest.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.skyshard.ingest.IngestException;
import org.skyshard.ingest.IngestMessages;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * The one place that says how each table is placed. {@link #dp02()} holds the DP0.2 defaults;
 * a user's schema brings a small text file, one rule per line ({@code #} starts a comment):
 *
 * <pre>
 * Object       = director coord_ra coord_dec margin
 * ForcedSource = child Object objectId objectId
 * MatchesTruth = child Object match_objectId objectId else TruthSummary id_truth_type
 * Visit        = replicated
 * narrow Object = objectId coord_ra coord_dec detect_isPrimary r_psfFlux
 * </pre>
 *
 * A {@code narrow} line (several lines for one table add up) gives a wide partitioned table a
 * second, narrow copy of each chunk with only these columns (plus {@code _healpix_29}, in the
 * same row order): a query that reads nothing else opens the narrow file, which costs DuckDB a
 * fraction of a 991-column one.
 *
 * A child's rows whose key is NULL follow the director after {@code else} (MatchesTruth rows of
 * unmatched truth objects go with their TruthSummary row). A table that no rule names is
 * replicated. The first director listed is the <em>main</em>
 * director: its density shapes the pixel map every partitioned table shares.
 */
public final class TableClasses {
  /** The DP0.2 narrow column lists: the columns the DP0.2 tutorials and portal read most. */
  private static final String DP02_NARROW = "dp02-narrow-columns.txt";

  private final Map<String, TableRule> rules;
  private final Map<String, List<String>> narrow;

  public TableClasses(List<TableRule> rules) {
    this(rules, Map.of());
  }

  /**
   * @param narrow table → the columns of its narrow chunk copies
   */
  public TableClasses(List<TableRule> rules, Map<String, List<String>> narrow) {
    Map<String, TableRule> m = new LinkedHashMap<>();
    for (TableRule r : rules) {
      m.put(r.table().toLowerCase(Locale.ROOT), r);
    }
    this.rules = m;
    Map<String, List<String>> n = new LinkedHashMap<>();
    narrow.forEach((t, cols) -> n.put(t.toLowerCase(Locale.ROOT), List.copyOf(cols)));
    this.narrow = n;
  }

  /** The DP0.2 placement: Object, Source, DiaObject and TruthSummary direct; the rest follow. */
  public static TableClasses dp02() {
    return new TableClasses(List.of(
        TableRule.director("Object", "coord_ra", "coord_dec", true),
        TableRule.director("DiaObject", "ra", "decl", true),
        TableRule.director("TruthSummary", "ra", "dec", true),
        TableRule.director("Source", "coord_ra", "coord_dec", false),
        TableRule.child("ForcedSource", "Object", "objectId", "objectId"),
        TableRule.child("MatchesTruth", "Object", "match_objectId", "objectId")
            .orElse(TableRule.child("MatchesTruth", "TruthSummary", "id_truth_type",
                "id_truth_type")),
        TableRule.child("DiaSource", "DiaObject", "diaObjectId", "diaObjectId"),
        TableRule.child("ForcedSourceOnDiaObject", "DiaObject", "diaObjectId", "diaObjectId"),
        TableRule.replicated("Visit"),
        TableRule.replicated("CcdVisit"),
        TableRule.replicated("CoaddPatches"),
        TableRule.replicated("ObsCore")), dp02Narrow());
  }

  private static Map<String, List<String>> dp02Narrow() {
    try (var in = TableClasses.class.getResourceAsStream(DP02_NARROW)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DP02_NARROW + " missing");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(text.lines().toList(), DP02_NARROW).narrow;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DP02_NARROW, e);
    }
  }

  /**
   * The columns of a table's narrow chunk copies (as configured, without {@code _healpix_29}),
   * or empty when the table has none.
   */
  public Optional<List<String>> narrowColumns(String table) {
    return Optional.ofNullable(narrow.get(table.toLowerCase(Locale.ROOT)));
  }

  /** The columns of a table's narrow copies as its schema spells them, or empty. */
  public Optional<List<String>> narrowColumns(Table table) {
    return narrowColumns(table.name()).map(cols -> cols.stream()
        .map(c -> table.column(c).map(Column::name).orElse(c))
        .distinct().toList());
  }

  /** The rule for a table: the configured one, else replicated. */
  public TableRule rule(String table) {
    TableRule r = rules.get(table.toLowerCase(Locale.ROOT));
    return r != null ? r : TableRule.replicated(table);
  }

  /** The configured rules, in file order. */
  public List<TableRule> rules() {
    return List.copyOf(rules.values());
  }

  /** The main director among the given present tables: the first director configured. */
  public Optional<String> mainDirector(List<String> presentTables) {
    for (TableRule r : rules.values()) {
      if (r.kind() == TableKind.DIRECTOR) {
        for (String t : presentTables) {
          if (t.equalsIgnoreCase(r.table())) {
            return Optional.of(t);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Checks every rule that names a table of the schema against its columns. */
  public void validate(FelisSchema schema) {
    narrow.forEach((name, cols) -> schema.table(name).ifPresent(t -> {
      if (rule(t.name()).kind() == TableKind.REPLICATED) {
        throw IngestMessages.badTableRule(t.name(), "a narrow copy needs a partitioned table");
      }
      cols.forEach(c -> requireColumn(t, c));
    }));
    for (TableRule r : rules.values()) {
      Optional<Table> t = schema.table(r.table());
      if (t.isEmpty()) {
        continue;
      }
      switch (r.kind()) {
        case DIRECTOR -> {
          requireColumn(t.get(), r.ra());
          requireColumn(t.get(), r.dec());
        }
        case CHILD -> {
          for (TableRule c = r; c != null; c = c.fallback()) {
            requireColumn(t.get(), c.key());
            if (rule(c.director()).kind() != TableKind.DIRECTOR) {
              throw IngestMessages.badTableRule(r.table(), "its director " + c.director()
                  + " is not a director table");
            }
            String dk = c.directorKey();
            schema.table(c.director()).ifPresent(dt -> requireColumn(dt, dk));
          }
        }
        case REPLICATED -> { }
      }
    }
  }

  private static void requireColumn(Table t, String column) {
    if (column == null || t.column(column).isEmpty()) {
      throw IngestMessages.badTableRule(t.name(), "no column " + column);
    }
  }

  /** Reads a table-class file (format in the class comment). */
  public static TableClasses parse(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IngestException(file + ": cannot read: " + e.getMessage());
    }
    return parse(lines, file.toString());
  }

  private static TableClasses parse(List<String> lines, String file) {
    List<TableRule> rules = new ArrayList<>();
    Map<String, List<String>> narrow = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw IngestMessages.badClassFile(file, i + 1, "expected TABLE = CLASS ...");
      }
      String table = line.substring(0, eq).strip();
      String[] w = line.substring(eq + 1).strip().split("\\s+");
      String[] head = table.split("\\s+");
      if (head.length == 2 && head[0].equals("narrow")) {
        if (w.length == 0 || w[0].isEmpty()) {
          throw IngestMessages.badClassFile(file, i + 1, "expected narrow TABLE = COLUMN ...");
        }
        // several lines for one table add up
        narrow.computeIfAbsent(head[1], k -> new ArrayList<>()).addAll(List.of(w));
        continue;
      }
      if (head.length != 1) {
        throw IngestMessages.badClassFile(file, i + 1, "expected TABLE = CLASS ... or"
            + " narrow TABLE = COLUMN ...");
      }
      rules.add(switch (w[0].toLowerCase(Locale.ROOT)) {
        case "director" -> {
          if (w.length < 3 || w.length > 4 || (w.length == 4 && !w[3].equals("margin"))) {
            throw IngestMessages.badClassFile(file, i + 1, "expected director RA DEC [margin]");
          }
          yield TableRule.director(table, w[1], w[2], w.length == 4);
        }
        case "child" -> {
          List<String> words = List.of(w);
          int e = words.indexOf("else");
          List<String> main = e < 0 ? words : words.subList(0, e);
          List<String> alt = e < 0 ? List.of() : words.subList(e + 1, words.size());
          if (main.size() < 3 || main.size() > 4 || (e >= 0 && (alt.size() < 2 || alt.size() > 3))) {
            throw IngestMessages.badClassFile(file, i + 1, "expected child DIRECTOR COLUMN "
                + "[DIRECTOR_COLUMN] [else DIRECTOR COLUMN [DIRECTOR_COLUMN]]");
          }
          TableRule rule = TableRule.child(table, main.get(1), main.get(2),
              main.size() == 4 ? main.get(3) : main.get(2));
          yield alt.isEmpty() ? rule : rule.orElse(TableRule.child(table, alt.get(0), alt.get(1),
              alt.size() == 3 ? alt.get(2) : alt.get(1)));
        }
        case "replicated" -> TableRule.replicated(table);
        default -> throw IngestMessages.badClassFile(file, i + 1,
            "unknown class " + w[0] + " (director, child or replicated)");
      });
    }
    return new TableClasses(rules, narrow);
  }
}
