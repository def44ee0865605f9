package org.skyshard.ingest.generate;

import java.nio.file.Path;
import org.skyshard.schema.Table;

/**
 * One output file: a table, its layout, and the tile it covers (null for a whole table).
 *
 * @param index the file number within its table ({@code part-0003.parquet} is 3)
 * @param expectedRows about how many rows it gets, for ordering and progress
 */
record FileTask(Table table, TableLayout layout, int index, Tile tile, Path file,
    double expectedRows) {}
