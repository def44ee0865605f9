package org.skyshard.ingest.generate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.SchemaException;
import org.skyshard.schema.Table;

/**
 * The tables a run writes: those of the user's Felis file, or of the bundled DP0.2 schema with
 * ObsCore taken once, from the bundled ObsCore schema; narrowed to {@code --tables}.
 */
final class SchemaTables {
  private SchemaTables() {}

  static List<Table> resolve(GeneratorOptions options) {
    List<Table> all = new ArrayList<>();
    if (options.schema() == null) {
      Table obscore = BundledSchemas.obscore().table("ObsCore").orElseThrow();
      boolean added = false;
      for (Table t : BundledSchemas.dp02().tables()) {
        if (t.name().equalsIgnoreCase("ObsCore")) {
          all.add(obscore);
          added = true;
        } else {
          all.add(t);
        }
      }
      if (!added) {
        all.add(obscore);
      }
    } else {
      FelisSchema s;
      try {
        s = FelisLoader.load(options.schema());
      } catch (SchemaException e) {
        throw new GenerateException(GenerateMessages.schema(e.getMessage()), e);
      }
      all.addAll(s.tables());
    }
    if (options.tables().isEmpty()) {
      return all;
    }
    Set<String> unknown = new LinkedHashSet<>();
    List<Table> chosen = new ArrayList<>();
    for (String name : options.tables()) {
      String n = name.trim();
      Table found = null;
      for (Table t : all) {
        if (t.name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
          found = t;
        }
      }
      if (found == null) {
        unknown.add(n);
      } else if (!chosen.contains(found)) {
        chosen.add(found);
      }
    }
    if (!unknown.isEmpty()) {
      throw new GenerateException(GenerateMessages.unknownTables(unknown,
          all.stream().map(Table::name).toList()));
    }
    if (chosen.isEmpty()) {
      throw new GenerateException(GenerateMessages.noTables());
    }
    // keep schema order, whatever order --tables named them in
    List<Table> ordered = new ArrayList<>();
    for (Table t : all) {
      if (chosen.contains(t)) {
        ordered.add(t);
      }
    }
    return ordered;
  }
}
