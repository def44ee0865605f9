package org.skyshard.tap.engine;

import java.util.List;

/**
 * A query result read once, row by row, so that any number of rows flows from the engine to the
 * client in bounded memory. The engine is free to fetch ahead; it must not hold the whole result.
 *
 * <p>Values are Java objects by {@link ResultColumn#datatype()}: BOOLEAN {@code Boolean}; BYTE and
 * SHORT {@code Short}; INT {@code Integer}; LONG {@code Long}; FLOAT {@code Float}; DOUBLE
 * {@code Double}; text types {@code String}; BINARY {@code byte[]}; TIMESTAMP an ISO-8601
 * {@code String} (UTC, no zone letter). SQL NULL is {@code null}.
 *
 * <p>{@link #cancel()} may be called from any thread while another thread reads; {@link #close()}
 * releases everything and is idempotent.
 */
public interface ResultSource extends AutoCloseable {

  /** The result columns, in order. */
  List<ResultColumn> columns();

  /** Advances to the next row; false at the end. */
  boolean next() throws QueryFailedException;

  /** The value of column {@code index} (0-based) of the current row. */
  Object value(int index) throws QueryFailedException;

  /** Asks the engine to stop producing rows; a pending or later {@link #next()} may then fail. */
  void cancel();

  @Override
  void close();
}
