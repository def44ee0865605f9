package org.skyshard.tap;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.skyshard.tap.engine.Cancellation;
import org.skyshard.tap.engine.QueryEngine;
import org.skyshard.tap.engine.QueryRequest;
import org.skyshard.tap.engine.ResultSource;
import org.skyshard.tap.engine.UploadTable;
import org.skyshard.tap.http.QueryParameters;
import org.skyshard.tap.output.ResultInfo;
import org.skyshard.tap.output.ResultWriter;
import org.skyshard.tap.output.WriteSummary;

/**
 * Runs one TAP query from checked parameters to written output, for sync and async alike:
 * reads the uploads, starts the engine, streams the rows through the result writer.
 */
public final class QueryRunner {
  private final QueryEngine engine;
  private final UploadParser uploads;
  private final ResultWriter writer = new ResultWriter();
  private final Path tmpDir;

  public QueryRunner(QueryEngine engine, UploadParser uploads, Path tmpDir) {
    this.engine = engine;
    this.uploads = uploads;
    this.tmpDir = tmpDir;
  }

  /**
   * Runs the query and writes its result to {@code out}; {@code cancellation} stops it at any
   * point. Blocks; call on a worker.
   */
  public WriteSummary run(String queryId, String owner, QueryParameters qp,
      Function<String, Path> paramFiles, OutputStream out, Cancellation cancellation)
      throws IOException {
    List<UploadTable> tables = uploads.read(qp.upload(), paramFiles, tmpDir);
    Instant now = Instant.now();
    try (ResultSource source = engine.execute(new QueryRequest(queryId, qp.query(), qp.lang(),
        qp.maxrec(), tables, owner, cancellation))) {
      cancellation.onCancel(source::cancel);
      return writer.write(source, qp.maxrec(), qp.format(), new ResultInfo(qp.query(), now, queryId), out);
    }
  }
}
