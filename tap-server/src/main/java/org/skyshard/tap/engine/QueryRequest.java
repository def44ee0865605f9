package org.skyshard.tap.engine;

import java.util.List;

/**
 * One query to run.
 *
 * @param queryId the id logs and error messages carry (the UWS job id for async queries)
 * @param query the query text
 * @param lang the query language as the client named it ({@code ADQL}, {@code ADQL-2.1})
 * @param maxrec the most rows the client will read; the engine may stop after {@code maxrec + 1}
 *     (one more, so truncation is detectable); negative means no limit
 * @param uploads the tables uploaded with the query, addressable as {@code TAP_UPLOAD.name}
 * @param owner the user running it, or null when anonymous
 * @param cancellation where the engine registers how to stop the query
 */
public record QueryRequest(String queryId, String query, String lang, long maxrec,
    List<UploadTable> uploads, String owner, Cancellation cancellation) {

  public QueryRequest {
    uploads = List.copyOf(uploads);
  }
}
