package org.skyshard.query.exec;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.duckdb.DuckDBConnection;
import org.skyshard.adql.ResultColumn;
import org.skyshard.query.QueryException;
import org.skyshard.query.QueryMessages;
import org.skyshard.query.plan.MergePlan;

/**
 * The merge by SQL: each fragment's Arrow stream is appended to the temporary table
 * {@code partials} of a connection to the czar's in-memory merge DuckDB as it arrives; when all
 * have arrived the merge SQL runs over it and its rows stream out. Temporary tables are private
 * to their connection, so concurrent queries share the database but never their partials.
 */
class SqlMergeStream implements ResultStream {
  private final List<ResultColumn> columns;
  private final Dispatch dispatch;
  private final String mergeSql;
  private final long maxRows;
  private final Runnable onClose;
  private final BufferAllocator allocator;
  private final DuckDBConnection mergeDb;
  private Connection duck;
  private Statement statement;
  private ResultSet rs;
  private boolean closed;

  SqlMergeStream(DuckDBConnection mergeDb, List<ResultColumn> columns, Dispatch dispatch,
      String mergeSql, long maxRows, BufferAllocator allocator, Runnable onClose) {
    this.mergeDb = mergeDb;
    this.allocator = allocator;
    this.columns = columns;
    this.dispatch = dispatch;
    this.mergeSql = mergeSql;
    this.maxRows = maxRows;
    this.onClose = onClose;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (closed) {
      return false;
    }
    try {
      if (rs == null) {
        gatherAndMerge();
      }
      if (rs.next()) {
        return true;
      }
      close();
      return false;
    } catch (SQLException e) {
      close();
      throw QueryMessages.mergeFailed(String.valueOf(e.getMessage()), e);
    } catch (QueryException e) {
      close();
      throw e;
    }
  }

  private void gatherAndMerge() throws SQLException {
    duck = mergeDb.duplicate();
    statement = duck.createStatement();
    boolean created = false;
    int n = 0;
    Dispatch.Completion c;
    while ((c = dispatch.next()) != null) {
      int attempts = 0;
      while (true) {
        String name = "fragment_" + n++;
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
          Data.exportArrayStream(allocator, c.result().reader(), stream);
          ((DuckDBConnection) duck).registerArrowStream(name, stream);
          // one statement per fragment: a stream that breaks adds nothing
          statement.execute(created
              ? "INSERT INTO \"" + MergePlan.PARTIALS + "\" SELECT * FROM " + name
              : "CREATE TEMPORARY TABLE \"" + MergePlan.PARTIALS + "\" AS SELECT * FROM " + name);
          created = true;
          dispatch.release(c);
          break;
        } catch (SQLException | RuntimeException e) {
          if (++attempts > 2) {
            dispatch.release(c);
            throw QueryMessages.fragmentFailed(c.fragment().chunkNames(), c.worker().id(),
                "its stream could not be merged: " + e.getMessage(), e);
          }
          Dispatch.Completion again = dispatch.rerun(c, e); // its stream broke: another replica
          c = new Dispatch.Completion(again.fragment(), again.worker(), again.result(), null);
        }
      }
    }
    if (!created) {
      throw QueryMessages.internal("no fragment delivered the partial result schema", null);
    }
    rs = statement.executeQuery(MergeLimits.limited(mergeSql, maxRows));
  }


  /** Runs a merge with no fragment at all (a plan answered from the manifest). */
  static ResultStream constant(DuckDBConnection mergeDb, List<ResultColumn> columns, String sql,
      Runnable onClose) {
    return new SqlMergeStream(mergeDb, columns, null, sql, -1, null, onClose) {
      @Override
      public boolean next() {
        return super.nextConstant();
      }
    };
  }

  private boolean nextConstant() {
    if (closed) {
      return false;
    }
    try {
      if (rs == null) {
        duck = mergeDb.duplicate();
        statement = duck.createStatement();
        rs = statement.executeQuery(mergeSql);
      }
      if (rs.next()) {
        return true;
      }
      close();
      return false;
    } catch (SQLException e) {
      close();
      throw QueryMessages.mergeFailed(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public Object value(int index) {
    try {
      ResultColumn c = columns.get(index);
      return Values.convert(rs.getObject(index + 1), c.datatype(),
          c.arraysize() != null && c.datatype().isNumeric());
    } catch (SQLException e) {
      throw QueryMessages.mergeFailed(String.valueOf(e.getMessage()), e);
    }
  }

  @Override
  public void cancel() {
    if (dispatch != null) {
      dispatch.cancel();
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (dispatch != null) {
      dispatch.close();
    }
    for (AutoCloseable x : new AutoCloseable[] {rs, statement, duck}) {
      if (x != null) {
        try {
          x.close();
        } catch (Exception ignored) {
          // closing
        }
      }
    }
    onClose.run();
  }
}
