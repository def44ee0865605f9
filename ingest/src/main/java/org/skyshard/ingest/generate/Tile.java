package org.skyshard.ingest.generate;

/**
 * One cell of the footprint and the objects placed in it: one file per table holds the rows of
 * one tile (like a tract of a real release).
 *
 * @param index the tile number, which names its files ({@code part-0003.parquet})
 * @param box the cell
 * @param firstObject the global index of the tile's first object
 * @param objects how many objects the tile holds
 */
public record Tile(int index, Footprint box, long firstObject, long objects) {}
