package org.skyshard.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skyshard.adql.AdqlException;
import org.skyshard.query.ErrorType;
import org.skyshard.query.QueryException;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.ResultStream;
import org.skyshard.schema.FelisSchema;
import org.skyshard.tap.UsageException;
import org.skyshard.tap.duckdb.DuckDbEngine;
import org.skyshard.tap.engine.QueryEngine;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.QueryRequest;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.ResultSource;

/**
 * The TAP server's {@link QueryEngine} over skyshard's {@link QueryService}: catalog queries go
 * to the distributed engine; TAP_SCHEMA queries, which the service answers itself, go to a
 * metadata-only {@link DuckDbEngine} (no catalog rows). Kept in the bench until the TAP module
 * wires the engine itself; it adds no work of its own, only adapts the two result interfaces.
 */
final class ServiceQueryEngine implements QueryEngine {
  private final QueryService service;
  private final DuckDbEngine metadata;

  ServiceQueryEngine(QueryService service, List<FelisSchema> served) {
    this.service = service;
    this.metadata = new DuckDbEngine(served, Map.of());
  }

  @Override
  public ResultSource execute(QueryRequest request) {
    if (request.query().toUpperCase(Locale.ROOT).contains("TAP_SCHEMA.")) {
      return metadata.execute(request);
    }
    ResultStream stream;
    try {
      stream = service.execute(request.query(), QueryOptions.defaults()
          .withQueryId(request.queryId()).withMaxrec(request.maxrec()));
    } catch (AdqlException e) {
      throw new UsageException(e.getMessage(), e);
    } catch (QueryException e) {
      if (e.type() == ErrorType.USER_ERROR) {
        throw new UsageException(e.getMessage(), e);
      }
      throw e;
    }
    return new StreamSource(stream);
  }

  @Override
  public void close() {
    metadata.close();
  }

  /** A {@link ResultStream} seen as a TAP {@link ResultSource} (the value classes agree). */
  private static final class StreamSource implements ResultSource {
    private final ResultStream stream;
    private final List<ResultColumn> columns;

    StreamSource(ResultStream stream) {
      this.stream = stream;
      this.columns = stream.columns().stream().map(c -> new ResultColumn(c.name(), c.datatype(),
          c.arraysize(), c.unit(), c.ucd(), c.utype(), c.description(), c.xtype())).toList();
    }

    @Override
    public List<ResultColumn> columns() {
      return columns;
    }

    @Override
    public boolean next() throws QueryFailedException {
      try {
        return stream.next();
      } catch (RuntimeException e) {
        throw new QueryFailedException(e.getMessage(), e);
      }
    }

    @Override
    public Object value(int index) {
      return stream.value(index);
    }

    @Override
    public void cancel() {
      stream.cancel();
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
