package org.skyshard.tap.output;

import java.time.Instant;

/**
 * What a success document says about its query besides the rows.
 *
 * @param query the query text, echoed in the QUERY INFO
 * @param timestamp when the query started, for QUERY_TIMESTAMP
 * @param queryId the query or job id, in a REQUEST INFO id
 */
public record ResultInfo(String query, Instant timestamp, String queryId) {}
