package org.skyshard.query.exec;

import java.util.List;
import org.skyshard.query.plan.ChunkRef;

/**
 * One unit of work for a worker: fragment SQL with table placeholders, run over its chunks.
 *
 * @param queryId the query it belongs to (cancellation is by query id)
 * @param fragmentId its number within the query
 * @param sql DuckDB SQL with {@code {{chunk:T}}}, {@code {{narrow:T}}}, {@code {{margin:T}}},
 *     {@code {{table:T}}} and {@code {{upload:N}}} placeholders
 * @param chunks the chunks; one for a per-chunk fragment, all of them for a gathering one
 * @param union true when the placeholders stand for all the chunks read together
 * @param uploads the TAP_UPLOAD tables the SQL reads
 */
public record Fragment(String queryId, int fragmentId, String sql, List<ChunkRef> chunks,
    boolean union, List<ShippedUpload> uploads) {
  public Fragment {
    chunks = List.copyOf(chunks);
    uploads = List.copyOf(uploads);
  }

  /**
   * An upload shipped with a fragment.
   *
   * @param name the name in {@code {{upload:name}}}
   * @param arrowIpc its rows as an Arrow IPC stream
   */
  public record ShippedUpload(String name, byte[] arrowIpc) {}

  /** The chunks as a message names them. */
  public String chunkNames() {
    if (chunks.isEmpty()) {
      return "(whole tables)";
    }
    if (chunks.size() == 1) {
      return chunks.get(0).toString();
    }
    String list = chunks.stream().limit(12).map(Object::toString)
        .collect(java.util.stream.Collectors.joining(", "));
    return "one of " + list + (chunks.size() > 12 ? ", ..." : "");
  }
}
