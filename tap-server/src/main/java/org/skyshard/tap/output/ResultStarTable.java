package org.skyshard.tap.output;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.ac.starlink.table.AbstractStarTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;

/**
 * A one-pass STIL table over a streaming {@link ResultSource}, cut at MAXREC: it yields at most
 * {@code maxrec} rows and records whether the source had more ({@link #overflowed()}). Column
 * names are made distinct ({@code id}, {@code id_2}) since a FIELD name must be unique.
 */
public final class ResultStarTable extends AbstractStarTable {
  private final ResultSource source;
  private final long maxrec;
  private final ColumnInfo[] infos;
  private boolean started;
  private volatile long rows;
  private volatile boolean overflow;
  private boolean endOnFailure;
  private volatile QueryFailedException failure;
  /** The first row's {@code next()}, when read ahead by {@link #prefetch()}. */
  private Boolean first;

  /** {@code maxrec} negative means no limit. */
  public ResultStarTable(ResultSource source, long maxrec) {
    this.source = source;
    this.maxrec = maxrec;
    List<ResultColumn> cols = source.columns();
    this.infos = new ColumnInfo[cols.size()];
    Set<String> used = new HashSet<>();
    for (int i = 0; i < infos.length; i++) {
      infos[i] = info(cols.get(i), distinct(cols.get(i).name(), used));
    }
    setName("result");
  }

  private static String distinct(String name, Set<String> used) {
    String candidate = name;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = name + "_" + n;
    }
    return candidate;
  }

  private static ColumnInfo info(ResultColumn c, String name) {
    ColumnInfo info = new ColumnInfo(name,
        c.isNumericArray() ? double[].class : javaClass(c.datatype()), c.description());
    if (c.isNumericArray()) {
      info.setShape(shape(c.arraysize()));
    }
    info.setUnitString(c.unit());
    info.setUCD(c.ucd());
    info.setUtype(c.utype());
    info.setXtype(c.xtype());
    info.setNullable(true);
    return info;
  }

  private static int[] shape(String arraysize) {
    String a = arraysize.replace("*", "");
    return a.isEmpty() ? new int[] {-1} : arraysize.endsWith("*") ? new int[] {-1}
        : new int[] {Integer.parseInt(a)};
  }

  static Class<?> javaClass(FelisType t) {
    return switch (t) {
      case BOOLEAN -> Boolean.class;
      case BYTE, SHORT -> Short.class;
      case INT -> Integer.class;
      case LONG -> Long.class;
      case FLOAT -> Float.class;
      case DOUBLE -> Double.class;
      case BINARY -> byte[].class;
      default -> String.class;
    };
  }

  /**
   * Reads the first row ahead (unless MAXREC is 0), before anything is written: a query that
   * fails at its start then fails here, while an error document with its own HTTP status can
   * still be sent, in every format (CSV and the others cannot say ERROR once they have begun).
   */
  public void prefetch() throws QueryFailedException {
    if (maxrec != 0 && first == null && !started) {
      first = source.next();
    }
  }

  /** Rows delivered so far. */
  public long rowCount() {
    return rows;
  }

  /**
   * Makes a failure of the source end the rows instead of throwing, and be kept for
   * {@link #failure()}: for formats that can still say ERROR after the rows (VOTable).
   */
  void endRowsOnFailure() {
    endOnFailure = true;
  }

  /** The failure that ended the rows, or null. */
  public QueryFailedException failure() {
    return failure;
  }

  /** True when the source had more than MAXREC rows. */
  public boolean overflowed() {
    return overflow;
  }

  @Override
  public ColumnInfo getColumnInfo(int icol) {
    return infos[icol];
  }

  @Override
  public int getColumnCount() {
    return infos.length;
  }

  @Override
  public long getRowCount() {
    return -1;
  }

  @Override
  public synchronized RowSequence getRowSequence() throws IOException {
    if (started) {
      throw new IOException("a streamed result can be read only once");
    }
    started = true;
    return new Rows();
  }

  private final class Rows implements RowSequence {
    private final Object[] current = new Object[infos.length];

    @Override
    public boolean next() throws IOException {
      try {
        if (maxrec >= 0 && rows >= maxrec) {
          if (!overflow && source.next()) {
            overflow = true;
            source.cancel();
          }
          return false;
        }
        boolean more;
        if (first != null) {
          more = first;
          first = null;
        } else {
          more = source.next();
        }
        if (!more) {
          return false;
        }
        for (int i = 0; i < current.length; i++) {
          current[i] = source.value(i);
        }
        rows++;
        return true;
      } catch (QueryFailedException e) {
        if (endOnFailure) {
          failure = e;
          return false;
        }
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public Object getCell(int icol) {
      return current[icol];
    }

    @Override
    public Object[] getRow() {
      return current.clone();
    }

    @Override
    public void close() {
      // the source is closed by whoever opened it
    }
  }
}
