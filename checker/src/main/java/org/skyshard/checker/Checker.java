package org.skyshard.checker;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares two sites: structure first, then per table the cell digests at the check order;
 * every differing cell is drilled into (finer cells, then the row fingerprints of the differing
 * fine cells, then the full rows of the differing keys) until the differing rows are listed as
 * missing on A, missing on B, changed (with the columns and both values) or duplicated.
 */
public final class Checker {
  /** Cells whose fingerprints a deep check fetches at once. */
  private static final int DEEP_CELLS = 64;

  private final CheckOptions options;
  private final PrintStream progress;
  private final CheckJournal journal;

  /**
   * @param options what to compare
   * @param progress where progress lines go (stderr), or null for none
   */
  public Checker(CheckOptions options, PrintStream progress) {
    this(options, progress, null);
  }

  /**
   * A check that records each finished table in {@code journal} and takes the tables an
   * interrupted run finished from it (see {@link #identity}); null for none.
   */
  public Checker(CheckOptions options, PrintStream progress, CheckJournal journal) {
    this.options = options;
    this.progress = progress;
    this.journal = journal;
  }

  /** What a journal names: both sites and every option that changes the results. */
  public static String identity(CheckOptions o, Site a, Site b) {
    return a.label() + " vs " + b.label() + ", order " + o.order() + ", fine step "
        + o.fineStep() + ", replicated order " + o.replicatedOrder() + ", max rows "
        + o.maxRowsPerTable() + (o.deep() ? ", deep" : "");
  }

  /** Runs the check; throws {@link CheckException} when the sites cannot be compared. */
  public CheckReport check(Site a, Site b) {
    try (Both both = new Both()) {
      return check(a, b, both);
    }
  }

  private CheckReport check(Site a, Site b, Both both) {
    long start = System.nanoTime();
    say("reading structure of site " + a.label() + " and " + b.label());
    Both.Pair<SiteStructure> shapes = both.ask(a::structure, b::structure);
    StructureComparer.Outcome structure = new StructureComparer().compare(shapes.a(),
        shapes.b());
    List<Difference> diffs = new ArrayList<>(structure.differences());
    List<TableResult> tables = new ArrayList<>();
    Traffic traffic = Traffic.NONE;
    boolean truncated = false;
    for (String t : options.tables()) {
      if (a.structure().table(t).isEmpty() && b.structure().table(t).isEmpty()) {
        throw CheckMessages.noSuchTable(t);
      }
    }
    for (String table : structure.comparable()) {
      if (!options.includes(table)) {
        continue;
      }
      CheckJournal.Entry e = journal == null ? null : journal.done(table).orElse(null);
      if (e != null) {
        say(table + ": taken from the journal of the interrupted check");
      } else {
        TableCheck tc = new TableCheck(a, b, table, both);
        tc.run();
        e = new CheckJournal.Entry(table, new TableResult(table, tc.rowsA, tc.rowsB, tc.cells,
            tc.differingCells, tc.found.size()), tc.found, tc.traffic, tc.truncated);
        if (journal != null) {
          journal.record(e);
        }
        say(table + ": " + tc.rowsA + " / " + tc.rowsB + " rows in " + tc.cells + " cells, "
            + (tc.found.isEmpty() ? "same" : tc.found.size() + " difference(s) in "
            + tc.differingCells + " cell(s)"));
      }
      diffs.addAll(e.differences());
      traffic = traffic.plus(e.traffic());
      truncated |= e.truncated();
      tables.add(e.result());
    }
    return new CheckReport(a.label(), b.label(), options.order(), tables, diffs, truncated,
        traffic, (System.nanoTime() - start) / 1_000_000);
  }

  private void say(String line) {
    if (progress != null) {
      progress.println("check: " + line);
    }
  }

  /** The comparison and drill-down of one table. */
  private final class TableCheck {
    final Site a;
    final Site b;
    final Both both;
    final String table;
    final boolean replicated;
    final List<String> columns;
    final List<Difference> found = new ArrayList<>();
    Traffic traffic = Traffic.NONE;
    long rowsA;
    long rowsB;
    int cells;
    int differingCells;
    boolean truncated;

    TableCheck(Site a, Site b, String table, Both both) {
      this.both = both;
      this.a = a;
      this.b = b;
      this.table = table;
      TableShape shape = a.structure().table(table).orElseThrow();
      this.replicated = shape.kind().equals("replicated");
      this.columns = shape.columnNames();
    }

    void run() {
      int k = replicated ? options.replicatedOrder() : options.order();
      Both.Pair<List<Cell>> top = both.ask(() -> a.cells(table, k, 0, null),
          () -> b.cells(table, k, 0, null));
      Map<Long, Cell> ca = index(top.a());
      Map<Long, Cell> cb = index(top.b());
      rowsA = ca.values().stream().mapToLong(Cell::rows).sum();
      rowsB = cb.values().stream().mapToLong(Cell::rows).sum();
      TreeSet<Long> all = new TreeSet<>(ca.keySet());
      all.addAll(cb.keySet());
      cells = all.size();
      List<Long> differing = differing(ca, cb);
      differingCells = differing.size();
      if (rowsA != rowsB) {
        found.add(new Difference(Difference.Kind.ROW_COUNT, table, null, List.of(),
            "rows: A " + rowsA + ", B " + rowsB));
      }
      TreeSet<String> keys;
      if (options.deep()) {
        keys = new TreeSet<>();
        List<Long> every = new ArrayList<>(all);
        for (int i = 0; i < every.size(); i += DEEP_CELLS) {
          keys.addAll(differingKeys(k, every.subList(i, Math.min(every.size(), i + DEEP_CELLS))));
        }
      } else {
        if (differing.isEmpty()) {
          return;
        }
        int f = Math.min(29, k + options.fineStep());
        Both.Pair<List<Cell>> sub = both.ask(() -> a.cells(table, f, k, differing),
            () -> b.cells(table, f, k, differing));
        keys = differingKeys(f, differing(index(sub.a()), index(sub.b())));
      }
      if (keys.isEmpty()) {
        for (long c : differing) {
          found.add(new Difference(Difference.Kind.CELL, table, null, List.of(), "cell " + c
              + " at order " + k + " differs but no differing row was found"));
        }
        return;
      }
      List<String> listed = new ArrayList<>(keys);
      if (listed.size() > options.maxRowsPerTable()) {
        truncated = true;
        found.add(new Difference(Difference.Kind.CELL, table, null, List.of(),
            (listed.size() - options.maxRowsPerTable()) + " more differing keys not listed"));
        listed = listed.subList(0, options.maxRowsPerTable());
      }
      List<String> wanted = listed;
      Both.Pair<List<SiteRow>> fetched = both.ask(() -> a.rows(table, wanted),
          () -> b.rows(table, wanted));
      Map<String, List<SiteRow>> ra = rows(fetched.a());
      Map<String, List<SiteRow>> rb = rows(fetched.b());
      for (String key : listed) {
        rowDifferences(key, ra.getOrDefault(key, List.of()), rb.getOrDefault(key, List.of()));
      }
    }

    /** The keys whose row fingerprints differ between the sites in these cells. */
    private TreeSet<String> differingKeys(int order, List<Long> cells) {
      List<Long> asked = List.copyOf(cells);
      Both.Pair<List<RowPrint>> prints = both.ask(() -> a.rowPrints(table, order, asked),
          () -> b.rowPrints(table, order, asked));
      Map<String, List<Long>> pa = prints(prints.a());
      Map<String, List<Long>> pb = prints(prints.b());
      TreeSet<String> keys = new TreeSet<>(pa.keySet());
      keys.addAll(pb.keySet());
      keys.removeIf(key -> Objects.equals(pa.get(key), pb.get(key)));
      return keys;
    }

    private void rowDifferences(String key, List<SiteRow> la, List<SiteRow> lb) {
      if (la.isEmpty()) {
        lb.forEach(r -> found.add(new Difference(Difference.Kind.MISSING_ON_A, table, key,
            List.of(), "row " + key + " is on B only")));
      } else if (lb.isEmpty()) {
        la.forEach(r -> found.add(new Difference(Difference.Kind.MISSING_ON_B, table, key,
            List.of(), "row " + key + " is on A only")));
      } else if (la.size() == 1 && lb.size() == 1) {
        List<Difference.ColumnDiff> cols = columnDiffs(la.get(0), lb.get(0));
        found.add(new Difference(Difference.Kind.CHANGED, table, key, cols, "row " + key
            + (cols.isEmpty() ? " hashes differently though its values compare equal"
            : " differs in " + String.join(", ", cols.stream()
            .map(Difference.ColumnDiff::column).toList()))));
      } else {
        List<Difference.ColumnDiff> cols = columnDiffs(la.get(0), lb.get(0));
        found.add(new Difference(Difference.Kind.DUPLICATED, table, key, cols, "row " + key
            + " is held " + la.size() + " time(s) on A, " + lb.size() + " on B"));
      }
    }

    private List<Difference.ColumnDiff> columnDiffs(SiteRow x, SiteRow y) {
      List<Difference.ColumnDiff> out = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        Object va = x.values().get(i);
        Object vb = y.values().get(i);
        if (!Values.same(va, vb)) {
          out.add(new Difference.ColumnDiff(columns.get(i), Values.text(va), Values.text(vb)));
        }
      }
      return out;
    }

    private Map<Long, Cell> index(List<Cell> list) {
      traffic = traffic.plus(new Traffic(list.size(), 0, 0, (long) list.size() * Cell.WIRE_BYTES));
      Map<Long, Cell> m = new TreeMap<>();
      list.forEach(c -> m.put(c.cell(), c));
      return m;
    }

    private List<Long> differing(Map<Long, Cell> x, Map<Long, Cell> y) {
      TreeSet<Long> all = new TreeSet<>(x.keySet());
      all.addAll(y.keySet());
      all.removeIf(c -> Objects.equals(x.get(c), y.get(c)));
      return new ArrayList<>(all);
    }

    private Map<String, List<Long>> prints(List<RowPrint> list) {
      long bytes = 0;
      Map<String, List<Long>> m = new TreeMap<>();
      for (RowPrint p : list) {
        bytes += 8 + utf8(p.key());
        m.computeIfAbsent(p.key(), x -> new ArrayList<>()).add(p.hash());
      }
      m.values().forEach(l -> l.sort(null));
      traffic = traffic.plus(new Traffic(0, list.size(), 0, bytes));
      return m;
    }

    private Map<String, List<SiteRow>> rows(List<SiteRow> list) {
      long bytes = 0;
      Map<String, List<SiteRow>> m = new TreeMap<>();
      for (SiteRow r : list) {
        for (Object v : r.values()) {
          bytes += utf8(Values.text(v));
        }
        m.computeIfAbsent(r.key(), x -> new ArrayList<>()).add(r);
      }
      traffic = traffic.plus(new Traffic(0, 0, list.size(), bytes));
      return m;
    }

    private static long utf8(String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    }
  }
}
