package org.skyshard.query.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.partitioner.PixelMap;

/**
 * What the planner knows of a published store version: the schema name, the pixel map, the
 * margin width and each table's layout. An immutable value built from a {@link Manifest}; the
 * only planner input that knows the data layout.
 *
 * @param schemaName the Felis schema the store holds (the ADQL schema name)
 * @param map the pixel map every partitioned table shares
 * @param marginDeg the margin width in degrees
 * @param tables the tables by lower-case name
 */
public record CatalogLayout(String schemaName, PixelMap map, double marginDeg,
    Map<String, TableLayout> tables) {
  public CatalogLayout {
    tables = Map.copyOf(tables);
  }

  /** The layout of a published manifest. */
  public static CatalogLayout of(Manifest m) {
    Map<String, TableLayout> tables = new LinkedHashMap<>();
    for (Manifest.TableEntry t : m.tables()) {
      tables.put(t.name().toLowerCase(Locale.ROOT), layout(t));
    }
    return new CatalogLayout(m.schemaName(), PixelMap.fromJson(m.pixelMap()),
        m.marginArcsec() / 3600.0, tables);
  }

  private static TableLayout layout(Manifest.TableEntry t) {
    String[] rule = t.rule() == null ? new String[0]
        : t.rule().substring(t.rule().indexOf('=') + 1).trim().split("\\s+");
    List<ChunkRef> chunks = new ArrayList<>();
    for (Manifest.ChunkEntry c : t.chunks()) {
      if (c.file() != null) {
        chunks.add(new ChunkRef(c.order(), c.pixel()));
      }
    }
    TableKind kind = t.tableKind();
    TableLayout layout = switch (kind) {
      case DIRECTOR -> new TableLayout(t.name(), kind, rule[1], rule[2],
          rule.length > 3 && rule[3].equals("margin") && t.marginPath() != null, null, null, null,
          t.idColumn(), t.rows(), chunks);
      case CHILD -> new TableLayout(t.name(), kind, null, null, false, rule[1], rule[2], rule[3],
          null, t.rows(), chunks);
      case REPLICATED -> new TableLayout(t.name(), kind, null, null, false, null, null, null, null,
          t.rows(), List.of());
    };
    return t.narrowColumns() == null || kind == TableKind.REPLICATED ? layout
        : layout.withNarrowColumns(t.narrowColumns());
  }

  /** A table by name, case-insensitively. */
  public Optional<TableLayout> table(String name) {
    return Optional.ofNullable(tables.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The chunks holding rows of any of these tables, in pixel order. */
  public List<ChunkRef> chunksOf(List<TableLayout> partitioned) {
    TreeSet<ChunkRef> all = new TreeSet<>();
    for (TableLayout t : partitioned) {
      all.addAll(t.chunks());
    }
    return List.copyOf(all);
  }

  /** The chunk reference of a pixel-map chunk number. */
  public ChunkRef chunk(int chunkNumber) {
    return new ChunkRef(map.order(chunkNumber), map.index(chunkNumber));
  }
}
