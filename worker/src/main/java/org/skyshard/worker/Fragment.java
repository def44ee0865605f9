package org.skyshard.worker;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * The unit of work the czar sends to a worker: one fragment SQL run over a list of chunks. This
 * record <em>is</em> the wire contract between the planner and the workers; it travels as the
 * JSON Flight ticket written by {@link FragmentCodec}.
 *
 * <h2>SQL and placeholders</h2>
 *
 * {@code sql} is one DuckDB {@code SELECT} (a CTE is fine) in which every table reference is a
 * placeholder; the worker replaces each with a relation of its own store's published version:
 *
 * <table>
 *   <caption>placeholders</caption>
 *   <tr><td>{@code {{chunk:Object}}}</td><td>{@code read_parquet('<version>/Object/Norder=k/Dir=d/Npix=n.parquet')}
 *       of the chunk being run; an empty relation with the table's columns when the table has
 *       no rows in that chunk</td></tr>
 *   <tr><td>{@code {{margin:Object}}}</td><td>that chunk's margin file ({@code Object_margin/...}),
 *       or an empty relation</td></tr>
 *   <tr><td>{@code {{table:Visit}}}</td><td>every file of the table: a replicated table's one
 *       file, or all chunk files of a partitioned one</td></tr>
 *   <tr><td>{@code {{upload:name}}}</td><td>the {@link Upload} of that name shipped with this
 *       fragment</td></tr>
 *   <tr><td>{@code {{chunkOrder}}}, {@code {{chunkPixel}}}</td><td>the chunk's order and pixel as
 *       integer literals</td></tr>
 * </table>
 *
 * Table and upload names match case-insensitively. Write a placeholder where a table name
 * would stand, with an alias: {@code FROM {{chunk:Object}} AS o}. Nothing else of the store is
 * reachable: DuckDB runs locked down (no file, network, extension or configuration access). Any
 * {@code _healpix_29} range predicates for the chunk are already in the SQL; the worker does not
 * add any.
 *
 * <h2>Chunks and results</h2>
 *
 * With {@link ChunkMode#EACH} (the default) the worker runs the SQL once per chunk, in list
 * order, and streams the batches of all chunks as one Arrow stream with one schema (every run
 * must produce the same column names and types). Each batch carries the chunk it came from as
 * Flight application metadata, and after each chunk's last batch a metadata-only message marks it
 * complete (see {@link FragmentStream#completedChunks()}), so a czar can retry just the chunks
 * a lost worker had not finished. With {@link ChunkMode#UNION_ALL} the worker runs one DuckDB
 * query, the per-chunk statements joined by {@code UNION ALL}, which lets DuckDB scan several
 * small chunks in parallel; batches then carry no chunk and chunks complete only at the end.
 * With {@link ChunkMode#TOGETHER} the placeholders stand for all the listed chunks' files at
 * once, in one DuckDB query. An empty chunk list runs the SQL once with no chunk: {@code {{chunk:..}}} and
 * {@code {{margin:..}}} become empty relations (useful for replicated tables and uploads, and to
 * learn a result schema).
 *
 * <h2>Limits</h2>
 *
 * {@code timeLimitMillis} bounds the whole fragment on the worker, from receipt to the last
 * batch (0: the worker's default); {@code memoryLimitBytes} bounds the Arrow memory the fragment's
 * result batches may hold on the worker at once (0: the worker's default); DuckDB's own working
 * memory is bounded per worker ({@code WorkerConfig#duckdbMemoryLimit}).
 *
 * @param queryId the czar's query id; {@link WorkerClient#cancel(String)} cancels by it, and the
 *     worker's log lines carry it
 * @param fragmentId this fragment's id within the query (for logs and errors)
 * @param sql the fragment SQL with placeholders
 * @param chunks the chunks to run on, in the order results should stream
 * @param mode how chunks are run
 * @param uploads the upload tables the SQL references
 * @param timeLimitMillis time limit of the fragment, or 0 for the worker's default
 * @param memoryLimitBytes Arrow memory limit of the fragment on the worker, or 0 for the default
 * @param storeVersion the store version (ingest id) the fragment was planned against, or null for
 *     whatever the worker publishes now; a worker serves an older version while its directory
 *     is still on disk, and refuses a version it does not have
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Fragment(String queryId, String fragmentId, String sql, List<ChunkId> chunks,
    ChunkMode mode, List<Upload> uploads, long timeLimitMillis, long memoryLimitBytes,
    String storeVersion) {

  /** How a fragment runs over its chunks. */
  public enum ChunkMode {
    /** One DuckDB query per chunk, streamed in chunk order; batches name their chunk. */
    EACH,
    /** One DuckDB query: the per-chunk statements joined by {@code UNION ALL}. */
    UNION_ALL,
    /**
     * One DuckDB query in which {@code {{chunk:T}}} and {@code {{margin:T}}} stand for the files
     * of all the listed chunks read together ({@code read_parquet([...])}): a gathering
     * fragment, or a whole-table aggregate DuckDB parallelises over files.
     */
    TOGETHER
  }

  public Fragment {
    Objects.requireNonNull(queryId, "queryId");
    Objects.requireNonNull(sql, "sql");
    fragmentId = fragmentId == null ? "0" : fragmentId;
    chunks = chunks == null ? List.of() : List.copyOf(chunks);
    mode = mode == null ? ChunkMode.EACH : mode;
    uploads = uploads == null ? List.of() : List.copyOf(uploads);
    if (timeLimitMillis < 0 || memoryLimitBytes < 0) {
      throw new IllegalArgumentException("limits must be >= 0 (0 = worker default)");
    }
    if (uploads.stream().map(u -> u.name().toLowerCase(java.util.Locale.ROOT)).distinct()
        .count() != uploads.size()) {
      throw new IllegalArgumentException("two uploads share a name");
    }
  }

  /** A fragment with the worker's default mode and limits and no uploads. */
  public static Fragment of(String queryId, String fragmentId, String sql, List<ChunkId> chunks) {
    return new Fragment(queryId, fragmentId, sql, chunks, ChunkMode.EACH, List.of(), 0, 0,
        null);
  }

  /** This fragment with another time limit. */
  public Fragment withTimeLimitMillis(long millis) {
    return new Fragment(queryId, fragmentId, sql, chunks, mode, uploads, millis,
        memoryLimitBytes, storeVersion);
  }

  /** This fragment with another memory limit. */
  public Fragment withMemoryLimitBytes(long bytes) {
    return new Fragment(queryId, fragmentId, sql, chunks, mode, uploads, timeLimitMillis, bytes,
        storeVersion);
  }

  /** This fragment with another chunk mode. */
  public Fragment withMode(ChunkMode m) {
    return new Fragment(queryId, fragmentId, sql, chunks, m, uploads, timeLimitMillis,
        memoryLimitBytes, storeVersion);
  }

  /** This fragment with these uploads. */
  public Fragment withUploads(List<Upload> ups) {
    return new Fragment(queryId, fragmentId, sql, chunks, mode, ups, timeLimitMillis,
        memoryLimitBytes, storeVersion);
  }

  /** This fragment over other chunks (for a retry on another replica). */
  public Fragment withChunks(List<ChunkId> cs) {
    return new Fragment(queryId, fragmentId, sql, cs, mode, uploads, timeLimitMillis,
        memoryLimitBytes, storeVersion);
  }

  /** This fragment pinned to a store version. */
  public Fragment withStoreVersion(String version) {
    return new Fragment(queryId, fragmentId, sql, chunks, mode, uploads, timeLimitMillis,
        memoryLimitBytes, version);
  }

  /** How logs and errors name it: {@code "query q1 fragment 3"}. */
  public String describe() {
    return "query " + queryId + " fragment " + fragmentId;
  }
}
