package org.skyshard.ingest.input;

import java.nio.file.Path;

/**
 * One input Parquet file of a table.
 *
 * @param table the schema table it feeds
 * @param path its absolute path
 * @param name its path relative to the input directory (how the manifest names it)
 * @param size its size in bytes
 * @param fingerprint see {@link Fingerprint}
 */
public record InputFile(String table, Path path, String name, long size, String fingerprint) {}
