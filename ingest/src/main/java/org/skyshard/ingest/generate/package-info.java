/**
 * The synthetic DP0.2 catalog generator ({@code skyshard generate}): every table of a Felis
 * schema as Parquet, with referential integrity, realistic values where queries look, and
 * content that depends only on the seed and the options.
 *
 * <p>How it is built: the footprint is cut into {@link org.skyshard.ingest.generate.Tile}s, one
 * file per tile and table. The objects of a tile ({@link org.skyshard.ingest.generate.ObjectCore})
 * are recomputed from the seed by every table that needs them, so files are independent and can
 * be written in parallel. A {@link org.skyshard.ingest.generate.RowSource} per table lays out
 * the rows (ids, keys, positions, band, time); {@link org.skyshard.ingest.generate.ColumnRules}
 * fills every other column from one table of name patterns.
 */
package org.skyshard.ingest.generate;
