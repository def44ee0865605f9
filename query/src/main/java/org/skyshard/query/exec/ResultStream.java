package org.skyshard.query.exec;

import java.util.List;
import org.skyshard.adql.ResultColumn;

/**
 * A query result read once, row by row, in bounded memory. Values are the Java classes of
 * {@link Values}. A failure while reading is a {@link org.skyshard.query.QueryException}; a
 * stream that ends normally is complete (never a partial result reported as complete).
 * {@link #cancel()} may be called from any thread; {@link #close()} is idempotent.
 */
public interface ResultStream extends AutoCloseable {
  /** The result columns with the translator's metadata. */
  List<ResultColumn> columns();

  /** Advances to the next row; false at the end. */
  boolean next();

  /** The value of column {@code index} (0-based) of the current row. */
  Object value(int index);

  /** Stops the query; a later {@link #next()} fails with a CANCELLED error. */
  void cancel();

  @Override
  void close();
}
