package org.skyshard.worker;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.flight.FlightRuntimeException;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.RowDigest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableKind;

/**
 * Recomputes chunk content digests from the chunk files, with the ingest's one digest definition
 * ({@link RowDigest}) over the manifest's schema columns, so they compare with the manifest and
 * with another site's worker.
 */
final class Digests {
  private final WorkerContext ctx;

  Digests(WorkerContext ctx) {
    this.ctx = ctx;
  }

  List<ChunkDigest> compute(DigestRequest req) {
    WorkerErrors err = ctx.errors();
    StoreFiles files;
    try {
      files = ctx.store().current().orElseThrow(err::noStore);
    } catch (java.io.IOException e) {
      throw err.internal("cannot read the store manifest", e);
    }
    Manifest.TableEntry table = files.table(req.table()).orElseThrow(() -> err.badAction(
        WorkerActions.DIGEST, "no table " + req.table() + " in store version "
            + files.versionId()));
    boolean replicated = table.tableKind() == TableKind.REPLICATED;
    if (replicated && (!req.chunks().isEmpty() || req.margin())) {
      throw err.badAction(WorkerActions.DIGEST, table.name()
          + " is replicated: it has no chunks or margins; ask for it with no chunks");
    }
    // A replicated table digests as one result with no chunk.
    List<ChunkId> chunks = replicated ? java.util.Collections.singletonList(null)
        : req.chunks().isEmpty() ? files.chunks(table.name()) : req.chunks();
    List<ChunkDigest> out = new ArrayList<>();
    DuckSession s;
    try {
      s = ctx.duck().acquire();
    } catch (SQLException e) {
      throw err.internal("no DuckDB connection", e);
    }
    boolean ok = false;
    try {
      for (ChunkId c : chunks) {
        Optional<Path> f = replicated ? files.anyFile(table.name())
            : req.margin() ? files.marginFile(table.name(), c)
            : files.chunkFile(table.name(), c);
        if (f.isEmpty()) {
          out.add(new ChunkDigest(table.name(), c, req.margin(), false, 0, RowDigest.format(0)));
          continue;
        }
        String sql = RowDigest.countAndDigestSql(table.columns(),
            "read_parquet(" + Sql.path(f.get()) + ")");
        try {
          PreparedStatement p = s.prepare(sql);
          try (ResultSet r = p.executeQuery()) {
            r.next();
            out.add(new ChunkDigest(table.name(), c, req.margin(), true, r.getLong(1),
                RowDigest.format(RowDigest.parse(r.getString(2)))));
          }
          s.forget(sql);
        } catch (SQLException e) {
          s.forget(sql);
          throw err.badChunkAction(table.name(), c, WorkerErrors.firstLine(e));
        }
      }
      ok = true;
    } catch (FlightRuntimeException e) {
      ok = true;
      throw e;
    } finally {
      ctx.duck().release(s, ok);
    }
    return out;
  }
}
