package org.skyshard.ingest.write;

/**
 * Rows and digest of one chunk of a staged table (or of its margin).
 *
 * @param chunk the pixel map's chunk number
 * @param rows row count
 * @param digest {@link org.skyshard.ingest.store.RowDigest} of the rows
 */
public record ChunkStat(int chunk, long rows, long digest) {}
