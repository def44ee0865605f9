package org.skyshard.worker;

/**
 * The content digest of one table's chunk on a worker: the row count and the ingest's
 * order-independent row digest ({@code org.skyshard.ingest.store.RowDigest}, 16 hex digits),
 * recomputed from the chunk file, so it can be compared with the manifest and another site.
 *
 * @param table the table
 * @param chunk the chunk, or null for a replicated table (digested whole)
 * @param margin true for the chunk's margin file rather than the chunk file
 * @param present false when the worker's store has no file for it (rows 0, digest of nothing)
 * @param rows rows in the file
 * @param digest {@code RowDigest.format} of the rows' digest
 */
public record ChunkDigest(String table, ChunkId chunk, boolean margin, boolean present,
    long rows, String digest) {}
