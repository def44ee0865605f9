package org.skyshard.ingest.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.skyshard.schema.Table;

/**
 * Everything decided before a file is written: the tables, the tiles, the visits and the sky
 * map, and the list of files. All of it follows from the options alone.
 */
final class GenerationPlan {
  private final GeneratorOptions options;
  private final List<Table> tables;
  private final List<Tile> tiles;
  private final VisitPlan visits;
  private final SkyMap skyMap = new SkyMap();

  GenerationPlan(GeneratorOptions options, List<Table> tables) {
    this.options = options;
    this.tables = List.copyOf(tables);
    this.tiles = options.footprint().tiles(options.effectiveFiles(), options.objects());
    this.visits = new VisitPlan(options.seed(), VisitPlan.visitsFor(options.objects()),
        options.footprint());
  }

  GeneratorOptions options() {
    return options;
  }

  List<Table> tables() {
    return tables;
  }

  List<Tile> tiles() {
    return tiles;
  }

  VisitPlan visits() {
    return visits;
  }

  SkyMap skyMap() {
    return skyMap;
  }

  Footprint footprint() {
    return options.footprint();
  }

  long seed() {
    return options.seed();
  }

  /** {@code DIR/Table/part-0003.parquet}. */
  static Path fileOf(Path out, String table, int index) {
    return out.resolve(table).resolve(String.format("part-%04d.parquet", index));
  }

  /** Every file to write, largest first (so two threads finish together). */
  List<FileTask> tasks() {
    List<FileTask> out = new ArrayList<>();
    for (Table t : tables) {
      TableLayout layout = TableLayout.of(t.name());
      if (layout.perTile()) {
        for (Tile tile : tiles) {
          out.add(new FileTask(t, layout, tile.index(), tile,
              fileOf(options.out(), t.name(), tile.index()),
              tile.objects() * layout.rowsPerObject() * t.columns().size()));
        }
      } else {
        double rows = layout == TableLayout.VISIT ? visits.count
            : layout == TableLayout.COADD_PATCHES ? 1000
            : (double) visits.count * VisitPlan.DETECTORS;
        out.add(new FileTask(t, layout, 0, null, fileOf(options.out(), t.name(), 0),
            rows * t.columns().size()));
      }
    }
    out.sort(Comparator.comparingDouble(FileTask::expectedRows).reversed());
    return out;
  }

  /** About how many rows the whole run writes (progress display). */
  long expectedRows() {
    double rows = 0;
    for (Table t : tables) {
      TableLayout layout = TableLayout.of(t.name());
      rows += layout.perTile() ? options.objects() * layout.rowsPerObject()
          : layout == TableLayout.VISIT ? visits.count
          : layout == TableLayout.COADD_PATCHES ? 0
          : (double) visits.count * VisitPlan.DETECTORS;
    }
    return (long) rows;
  }

  /** A generous estimate of the bytes the run writes. */
  long expectedBytes() {
    double bytes = 0;
    for (Table t : tables) {
      TableLayout layout = TableLayout.of(t.name());
      bytes += layout.perTile() ? options.objects() * layout.bytesPerObject()
          : (double) visits.count * VisitPlan.DETECTORS * 300;
    }
    return (long) bytes;
  }
}
