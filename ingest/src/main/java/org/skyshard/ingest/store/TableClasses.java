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
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.Table;

/**
 * The one place that says how each table is placed. {@link #dp02()} holds the DP0.2 defaults;
 * a user's schema brings a small text file, one rule per line ({@code #} starts a comment):
 *
 * <pre>
 * Object       = director coord_ra coord_dec margin
 * ForcedSource = child Object objectId objectId
 * Visit        = replicated
 * </pre>
 *
 * A table that no rule names is replicated. The first director listed is the <em>main</em>
 * director: its density shapes the pixel map every partitioned table shares.
 */
public final class TableClasses {
  private final Map<String, TableRule> rules;

  public TableClasses(List<TableRule> rules) {
    Map<String, TableRule> m = new LinkedHashMap<>();
    for (TableRule r : rules) {
      m.put(r.table().toLowerCase(Locale.ROOT), r);
    }
    this.rules = m;
  }

  /** The DP0.2 placement: Object, Source, DiaObject and TruthSummary direct; the rest follow. */
  public static TableClasses dp02() {
    return new TableClasses(List.of(
        TableRule.director("Object", "coord_ra", "coord_dec", true),
        TableRule.director("DiaObject", "ra", "decl", true),
        TableRule.director("TruthSummary", "ra", "dec", true),
        TableRule.director("Source", "coord_ra", "coord_dec", false),
        TableRule.child("ForcedSource", "Object", "objectId", "objectId"),
        TableRule.child("MatchesTruth", "Object", "match_objectId", "objectId"),
        TableRule.child("DiaSource", "DiaObject", "diaObjectId", "diaObjectId"),
        TableRule.child("ForcedSourceOnDiaObject", "DiaObject", "diaObjectId", "diaObjectId"),
        TableRule.replicated("Visit"),
        TableRule.replicated("CcdVisit"),
        TableRule.replicated("CoaddPatches"),
        TableRule.replicated("ObsCore")));
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
          requireColumn(t.get(), r.key());
          TableRule d = rule(r.director());
          if (d.kind() != TableKind.DIRECTOR) {
            throw IngestMessages.badTableRule(r.table(), "its director " + r.director()
                + " is not a director table");
          }
          schema.table(r.director()).ifPresent(dt -> requireColumn(dt, r.directorKey()));
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
    List<TableRule> rules = new ArrayList<>();
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
      rules.add(switch (w[0].toLowerCase(Locale.ROOT)) {
        case "director" -> {
          if (w.length < 3 || w.length > 4 || (w.length == 4 && !w[3].equals("margin"))) {
            throw IngestMessages.badClassFile(file, i + 1, "expected director RA DEC [margin]");
          }
          yield TableRule.director(table, w[1], w[2], w.length == 4);
        }
        case "child" -> {
          if (w.length < 3 || w.length > 4) {
            throw IngestMessages.badClassFile(file, i + 1,
                "expected child DIRECTOR COLUMN [DIRECTOR_COLUMN]");
          }
          yield TableRule.child(table, w[1], w[2], w.length == 4 ? w[3] : w[2]);
        }
        case "replicated" -> TableRule.replicated(table);
        default -> throw IngestMessages.badClassFile(file, i + 1,
            "unknown class " + w[0] + " (director, child or replicated)");
      });
    }
    return new TableClasses(rules);
  }
}
