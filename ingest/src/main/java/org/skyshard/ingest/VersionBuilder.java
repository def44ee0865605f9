package org.skyshard.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.skyshard.ingest.input.InputFile;
import org.skyshard.ingest.input.RowChecks;
import org.skyshard.ingest.input.SchemaCheck;
import org.skyshard.ingest.input.TableSource;
import org.skyshard.ingest.store.HatsProperties;
import org.skyshard.ingest.store.IdIndex;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Manifest.ChunkEntry;
import org.skyshard.ingest.store.Manifest.InputEntry;
import org.skyshard.ingest.store.Manifest.TableEntry;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.Store.PublishedVersion;
import org.skyshard.ingest.store.StoreLayout;
import org.skyshard.ingest.store.TableKind;
import org.skyshard.ingest.store.TableRule;
import org.skyshard.ingest.write.ChunkSql;
import org.skyshard.ingest.write.ChunkStat;
import org.skyshard.ingest.write.ChunkWriter;
import org.skyshard.ingest.write.Duck;
import org.skyshard.ingest.write.MarginWriter;
import org.skyshard.ingest.write.Staged;
import org.skyshard.ingest.write.Stager;
import org.skyshard.partitioner.MapParameters;
import org.skyshard.partitioner.PixelMap;
import org.skyshard.partitioner.PixelMapBuilder;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/**
 * Builds one version in its staging directory: checks every new input file and row, stages the
 * directors (sorted by {@code _healpix_29}), builds the pixel map from the main director's
 * density, stages the children through their directors' positions, splits everything into HATS
 * chunk files with margins, writes id indexes and replicated tables, and returns the manifest.
 * Its scratch files (DuckDB spill, staging files) are removed before it returns.
 */
final class VersionBuilder {
  private final IngestOptions options;
  private final Progress progress;
  private final Path dir;
  private String current;

  VersionBuilder(IngestOptions options, Progress progress, Path dir) {
    this.options = options;
    this.progress = progress;
    this.dir = dir;
  }

  Manifest build(String id, String prevId, String created, Optional<PublishedVersion> prev,
      Map<String, List<InputFile>> fresh, List<InputEntry> inputs)
      throws IOException, SQLException {
    Path scratch = dir.resolve("_work");
    Path spill = scratch.resolve("spill");
    Path stageDir = scratch.resolve("stage");
    Files.createDirectories(spill);
    Files.createDirectories(stageDir);
    progress.total(fresh.values().stream().flatMap(List::stream).mapToLong(InputFile::size).sum());
    Manifest manifest;
    try (Duck duck = new Duck(spill, options.memoryLimit(), options.threads())) {
      manifest = build(duck, stageDir, id, prevId, created, prev, fresh, inputs);
    } catch (SQLException | RuntimeException e) {
      if (current == null) {
        throw e;
      }
      throw Failures.translate(e, options.store(), current);
    }
    deleteTree(scratch);
    return manifest;
  }

  private Manifest build(Duck duck, Path stageDir, String id, String prevId, String created,
      Optional<PublishedVersion> prev, Map<String, List<InputFile>> fresh,
      List<InputEntry> inputs) throws IOException, SQLException {
    SchemaCheck schemaCheck = new SchemaCheck(duck);
    for (var e : fresh.entrySet()) {
      Table t = table(e.getKey());
      progress.step(t.name(), "checking the schema of " + e.getValue().size() + " files");
      for (InputFile f : e.getValue()) {
        schemaCheck.check(t, f);
      }
    }
    Map<String, TableSource> sources = sources(prev, fresh);
    RowChecks checks = new RowChecks(duck);

    // Directors, the main one first: checked; the main one's density makes the pixel map.
    Optional<String> main = options.classes().mainDirector(List.copyOf(sources.keySet()));
    List<String> directors = new ArrayList<>();
    main.ifPresent(directors::add);
    for (String t : sources.keySet()) {
      if (rule(t).kind() == TableKind.DIRECTOR && !directors.contains(t)) {
        directors.add(t);
      }
    }
    for (String t : directors) {
      current = t;
      progress.step(t, "checking values and keys");
      checks.checkValues(table(t), rule(t), sources.get(t));
      checks.checkUniqueKey(table(t), sources.get(t));
    }
    PixelMap map = null;
    Map<String, TableEntry> byName = new LinkedHashMap<>();
    if (main.isPresent()) {
      current = main.get();
      map = pixelMap(duck, rule(main.get()), sources.get(main.get()));
      progress.message("pixel map: " + map.populated().length + " populated chunks of "
          + map.size() + " (threshold " + options.threshold() + ", max order "
          + map.maxOrder() + ")");
      ChunkSql chunkSql = new ChunkSql(map);
      Stager stager = new Stager(duck, stageDir, chunkSql);
      Map<String, Staged> staged = new LinkedHashMap<>();
      for (String t : directors) {
        current = t;
        progress.step(t, "splitting by chunk");
        Staged s = stager.director(rule(t), sources.get(t), table(t).primaryKey());
        staged.put(t, s);
        done(t, s.rows(), fresh);
      }

      // Children: checked against their directors, placed by their directors' positions.
      Map<String, String> positions = new LinkedHashMap<>();
      for (String t : sources.keySet()) {
        TableRule r = rule(t);
        if (r.kind() != TableKind.CHILD) {
          continue;
        }
        current = t;
        String pos = positions(duck, staged, r, positions);
        String fallbackPos = r.fallback() == null ? null
            : positions(duck, staged, r.fallback(), positions);
        TableSource src = sources.get(t);
        progress.step(t, "checking values, keys and directors");
        checks.checkValues(table(t), r, src);
        checks.checkUniqueKey(table(t), src);
        checks.checkOrphans(r, src, pos, fallbackPos);
        progress.step(t, "placing rows by " + r.director() + " and splitting by chunk");
        Staged s = stager.child(r, src, table(t).primaryKey(), pos, fallbackPos);
        staged.put(t, s);
        done(t, s.rows(), fresh);
      }

      ChunkWriter chunks = new ChunkWriter(duck, map, dir, options.rowGroupSize());
      MarginWriter margins = new MarginWriter(duck, chunks, options.marginArcsec() / 3600.0,
          stageDir);
      for (Staged s : staged.values()) {
        current = s.table();
        byName.put(s.table(), writePartitioned(duck, chunks, margins, s));
      }
      for (Staged s : staged.values()) {
        deleteTree(s.dir());
      }
    } else {
      for (String t : sources.keySet()) {
        if (rule(t).kind() == TableKind.CHILD) {
          throw new IngestException("table " + t + ": its director table "
              + rule(t).director() + " has no input");
        }
      }
    }
    for (String t : sources.keySet()) {
      if (rule(t).kind() == TableKind.REPLICATED) {
        current = t;
        byName.put(t, writeReplicated(duck, checks, t, sources.get(t), fresh));
      }
    }
    current = null;
    List<TableEntry> entries = new ArrayList<>();
    for (Table t : options.schema().tables()) {
      if (byName.containsKey(t.name())) {
        entries.add(byName.get(t.name()));
      }
    }
    return new Manifest(Manifest.FORMAT, id, prevId, created, options.schema().name(),
        options.schema().version(), options.threshold(), options.marginArcsec(),
        map == null ? null : map.toJson(), entries, inputs);
  }

  /** A table {@code (k, _healpix_29)} of a child rule's director keys (made once per key). */
  private String positions(Duck duck, Map<String, Staged> staged, TableRule r,
      Map<String, String> made) throws SQLException {
    Staged d = staged.get(table(r.director()).name());
    if (d == null) {
      throw new IngestException("table " + r.table() + ": its director table " + r.director()
          + " has no input");
    }
    String id = d.table() + "." + r.directorKey();
    String name = made.get(id);
    if (name == null) {
      name = "_pos_" + made.size();
      String type = table(d.table()).column(r.directorKey()).orElseThrow().datatype()
          .duckdbType();
      duck.execute("CREATE TABLE " + name + " AS " + (d.rows() == 0
          ? "SELECT CAST(NULL AS " + type + ") AS k, CAST(NULL AS BIGINT) AS _healpix_29 WHERE false"
          : "SELECT " + Sql.ident(r.directorKey()) + " AS k, _healpix_29 FROM " + d.all()));
      made.put(id, name);
    }
    return name;
  }

  private PixelMap pixelMap(Duck duck, TableRule main, TableSource src) throws SQLException {
    PixelMapBuilder b = new PixelMapBuilder(MapParameters.defaults()
        .withThreshold(options.threshold()), MapParameters.DEFAULT_MAX_ORDER);
    for (String[] r : duck.rows("SELECT _healpix_29 >> " + b.hp29Shift() + ", count(*) FROM ("
        + Stager.withHp29(main, src) + ") GROUP BY 1")) {
      b.add(Long.parseLong(r[0]), Long.parseLong(r[1]));
    }
    return b.build();
  }

  private TableEntry writePartitioned(Duck duck, ChunkWriter chunks, MarginWriter margins,
      Staged s) throws SQLException, IOException {
    TableRule r = s.rule();
    Map<Integer, ChunkStat> own = new TreeMap<>();
    for (ChunkStat c : chunks.stats(s)) {
      own.put(c.chunk(), c);
    }
    List<ChunkStat> ownList = List.copyOf(own.values());
    progress.step(s.table(), "sorting and writing " + ownList.size() + " chunk files");
    List<String> ownFiles = chunks.writeChunks(s, ownList);
    Map<Integer, String> fileOf = new TreeMap<>();
    for (int i = 0; i < ownList.size(); i++) {
      fileOf.put(ownList.get(i).chunk(), ownFiles.get(i));
    }
    Map<Integer, String> narrowFileOf = new TreeMap<>();
    List<String> narrowColumns = null;
    Optional<List<String>> narrow = options.classes().narrowColumns(table(s.table()));
    if (narrow.isPresent()) {
      List<String> cols = narrow.get();
      progress.step(s.table(), "writing " + ownList.size() + " narrow chunk copies ("
          + cols.size() + " columns)");
      List<String> nf = chunks.writeNarrow(s.table(), cols, ownList, ownFiles);
      for (int i = 0; i < ownList.size(); i++) {
        narrowFileOf.put(ownList.get(i).chunk(), nf.get(i));
      }
      narrowColumns = new ArrayList<>(cols);
      narrowColumns.add("_healpix_29");
    }
    MarginWriter.MarginStage margin = null;
    Map<Integer, ChunkStat> marg = new TreeMap<>();
    if (r.margin() && options.marginArcsec() > 0 && !ownFiles.isEmpty()) {
      progress.step(s.table(), "finding margin rows");
      margin = margins.stage(s, ownFiles.stream().map(dir::resolve).toList());
      for (ChunkStat c : margin.stats()) {
        marg.put(c.chunk(), c);
      }
    }
    Map<Integer, String> marginFileOf = new TreeMap<>();
    if (margin != null) {
      progress.step(s.table(), "writing " + margin.stats().size() + " margin files");
      List<String> mf = margins.writeMargins(s, margin);
      for (int i = 0; i < margin.stats().size(); i++) {
        marginFileOf.put(margin.stats().get(i).chunk(), mf.get(i));
      }
    }
    TreeMap<Integer, Boolean> all = new TreeMap<>();
    own.keySet().forEach(c -> all.put(c, true));
    marg.keySet().forEach(c -> all.put(c, true));
    List<ChunkEntry> entries = new ArrayList<>();
    long rows = 0;
    long digest = 0;
    long marginRows = 0;
    StringBuilder info = new StringBuilder("Norder,Npix\n");
    StringBuilder marginInfo = new StringBuilder("Norder,Npix\n");
    int maxOrder = 0;
    for (int c : all.keySet()) {
      var px = chunks.map().pixel(c);
      ChunkStat o = own.get(c);
      ChunkStat m = marg.get(c);
      if (o != null) {
        rows += o.rows();
        digest = RowDigest.combine(digest, o.digest());
        info.append(px.order()).append(',').append(px.index()).append('\n');
        maxOrder = Math.max(maxOrder, px.order());
      }
      if (m != null) {
        marginRows += m.rows();
        marginInfo.append(px.order()).append(',').append(px.index()).append('\n');
      }
      entries.add(new ChunkEntry(px.order(), px.index(), o == null ? 0 : o.rows(),
          o == null ? null : RowDigest.format(o.digest()), fileOf.get(c), m == null ? 0 : m.rows(),
          m == null ? null : RowDigest.format(m.digest()), marginFileOf.get(c),
          narrowFileOf.get(c)));
    }
    String ra = r.ra();
    String dec = r.dec();
    if (r.kind() == TableKind.CHILD) {
      TableRule d = rule(r.director());
      Table t = table(s.table());
      ra = t.column(d.ra()).map(Column::name).orElse(null);
      dec = t.column(d.dec()).map(Column::name).orElse(null);
    }
    long maxRows = entries.stream().mapToLong(ChunkEntry::rows).max().orElse(0);
    long maxMarginRows = entries.stream().mapToLong(ChunkEntry::marginRows).max().orElse(0);
    HatsProperties.write(dir.resolve(StoreLayout.tableDir(s.table())), s.table(), ra, dec, rows,
        maxRows, maxOrder, info.toString(), null, 0);
    String marginPath = null;
    if (margin != null) {
      marginPath = StoreLayout.marginDir(s.table());
      HatsProperties.write(dir.resolve(marginPath), marginPath, ra, dec, marginRows,
          maxMarginRows, maxOrder,
          marginInfo.toString(), StoreLayout.tableDir(s.table()), options.marginArcsec());
      Files.deleteIfExists(margin.file());
    }
    String index = null;
    String idColumn = null;
    Table t = table(s.table());
    if (r.kind() == TableKind.DIRECTOR && t.primaryKey().size() == 1) {
      Column key = t.column(t.primaryKey().get(0)).orElseThrow();
      if (key.datatype() == FelisType.LONG || key.datatype() == FelisType.INT
          || key.datatype() == FelisType.SHORT) {
        progress.step(s.table(), "writing the " + key.name() + " index");
        idColumn = key.name();
        index = StoreLayout.idIndexFile(s.table(), key.name());
        writeIndex(duck, s, key.name(), dir.resolve(index));
      }
    }
    return new TableEntry(s.table(), r.kind().label(), r.toLine(), s.columns(), rows,
        RowDigest.format(digest), StoreLayout.tableDir(s.table()), entries, null, marginPath,
        index, idColumn, narrowColumns == null ? null : StoreLayout.narrowDir(s.table()),
        narrowColumns);
  }

  private void writeIndex(Duck duck, Staged s, String key, Path file)
      throws SQLException, IOException {
    if (s.rows() == 0) {
      new IdIndex.Writer(file).close();
      return;
    }
    try (Statement st = duck.connection().createStatement();
        ResultSet rs = st.executeQuery("SELECT " + Sql.ident(key) + ", _healpix_29 FROM "
            + s.all() + " ORDER BY 1");
        IdIndex.Writer w = new IdIndex.Writer(file)) {
      while (rs.next()) {
        w.add(rs.getLong(1), rs.getLong(2));
      }
    }
  }

  private TableEntry writeReplicated(Duck duck, RowChecks checks, String t, TableSource src,
      Map<String, List<InputFile>> fresh) throws SQLException, IOException {
    progress.step(t, "checking and copying (replicated)");
    checks.checkValues(table(t), rule(t), src);
    checks.checkUniqueKey(table(t), src);
    String rel = StoreLayout.replicatedFile(t);
    Path file = dir.resolve(rel);
    Files.createDirectories(file.getParent());
    String order = table(t).primaryKey().isEmpty() ? ""
        : " ORDER BY " + Sql.idents(table(t).primaryKey());
    duck.execute("COPY (SELECT * FROM " + src.dataRelation() + order + ") TO " + Sql.path(file)
        + " (FORMAT PARQUET, COMPRESSION 'snappy', ROW_GROUP_SIZE " + options.rowGroupSize()
        + ")");
    String[] cd = duck.rows(RowDigest.countAndDigestSql(src.columns(), "read_parquet("
        + Sql.path(file) + ")")).get(0);
    long rows = Long.parseLong(cd[0]);
    done(t, rows, fresh);
    return new TableEntry(t, TableKind.REPLICATED.label(), rule(t).toLine(), src.columns(), rows,
        RowDigest.format(RowDigest.parse(cd[1])), StoreLayout.tableDir(t), List.of(), rel, null,
        null, null);
  }

  private Map<String, TableSource> sources(Optional<PublishedVersion> prev,
      Map<String, List<InputFile>> fresh) {
    Map<String, TableSource> out = new LinkedHashMap<>();
    for (Table t : options.schema().tables()) {
      List<Path> newFiles = fresh.getOrDefault(t.name(), List.of()).stream()
          .map(InputFile::path).toList();
      List<Path> old = new ArrayList<>();
      if (prev.isPresent()) {
        Optional<TableEntry> e = prev.get().manifest().table(t.name());
        if (e.isPresent()) {
          if (e.get().file() != null) {
            old.add(prev.get().file(e.get().file()));
          } else {
            old.addAll(prev.get().chunkFiles(t.name()));
          }
        }
      }
      if (!newFiles.isEmpty() || !old.isEmpty()) {
        out.put(t.name(), new TableSource(t.name(), t.columnNames(), newFiles, old));
      }
    }
    return out;
  }

  private void done(String t, long rows, Map<String, List<InputFile>> fresh) {
    List<InputFile> files = fresh.getOrDefault(t, List.of());
    progress.tableDone(t, rows, files.stream().mapToLong(InputFile::size).sum(), files.size());
  }

  private Table table(String name) {
    return options.schema().table(name).orElseThrow(
        () -> new IngestException("the schema has no table " + name));
  }

  private TableRule rule(String name) {
    return options.classes().rule(table(name).name());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
