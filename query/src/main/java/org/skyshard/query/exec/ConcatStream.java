package org.skyshard.query.exec;

import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.skyshard.adql.ResultColumn;
import org.skyshard.query.QueryException;
import org.skyshard.query.QueryMessages;

/**
 * The merge that passes rows through as fragments deliver them, with OFFSET and a row limit
 * (TOP, or MAXREC + 1); at the limit it stops and cancels the remaining fragments.
 */
final class ConcatStream implements ResultStream {
  private final List<ResultColumn> columns;
  private final Dispatch dispatch;
  private final Runnable onClose;
  private long skip;
  private final long limit;
  private long emitted;
  private Dispatch.Completion current;
  private VectorSchemaRoot root;
  private int row = -1;
  private boolean consumed;
  private boolean finished;

  ConcatStream(List<ResultColumn> columns, Dispatch dispatch, long offset, long limit,
      Runnable onClose) {
    this.columns = columns;
    this.dispatch = dispatch;
    this.skip = offset;
    this.limit = limit;
    this.onClose = onClose;
  }

  @Override
  public List<ResultColumn> columns() {
    return columns;
  }

  @Override
  public boolean next() {
    if (finished) {
      return false;
    }
    if (limit >= 0 && emitted >= limit) {
      finish();
      return false;
    }
    try {
      while (true) {
        if (root != null && row + 1 < root.getRowCount()) {
          row++;
          consumed = true;
          if (skip > 0) {
            skip--;
            continue;
          }
          emitted++;
          return true;
        }
        if (current != null && loadNext()) {
          continue;
        }
        if (current != null) {
          dispatch.release(current);
          current = null;
          root = null;
        }
        current = dispatch.next();
        consumed = false;
        if (current == null) {
          finish();
          return false;
        }
        root = null;
      }
    } catch (QueryException e) {
      close();
      throw e;
    }
  }

  private boolean loadNext() {
    try {
      if (current.result().reader().loadNextBatch()) {
        root = current.result().reader().getVectorSchemaRoot();
        row = -1;
        return true;
      }
      return false;
    } catch (Exception e) {
      if (!consumed) {
        // nothing of this fragment reached the client yet: run it on another replica
        current = dispatch.rerun(current, e);
        root = null;
        return loadNext();
      }
      throw QueryMessages.fragmentFailed(current.fragment().chunkNames(),
          current.worker().id(), "the stream broke after some of its rows were sent: "
          + e.getMessage(), e);
    }
  }

  @Override
  public Object value(int index) {
    FieldVector v = root.getVector(index);
    ResultColumn c = columns.get(index);
    return Values.convert(v.getObject(row), c.datatype(), c.arraysize() != null
        && c.datatype().isNumeric());
  }

  private void finish() {
    finished = true;
    close();
  }

  @Override
  public void cancel() {
    dispatch.cancel();
  }

  private boolean closed;

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (current != null) {
      dispatch.release(current);
      current = null;
      root = null;
    }
    dispatch.close();
    onClose.run();
  }
}
