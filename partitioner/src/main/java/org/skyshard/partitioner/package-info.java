/**
 * HEALPix partitioning for skyshard: the NESTED scheme, adaptive pixel maps, region covers and
 * margins. No dependencies; pure computation (the only format it reads or writes is its own
 * pixel-map JSON).
 *
 * <ul>
 *   <li>{@link org.skyshard.partitioner.Healpix}: {@code hp29(ra, dec)} (HATS {@code _healpix_29}),
 *   {@code ang2pix}, {@code pix2ang}/{@code center}, {@code corners}, {@code boundary},
 *   {@code neighbours}, parent/child arithmetic ({@code index at order k = hp29 >> 2*(29-k)}).</li>
 *   <li>{@link org.skyshard.partitioner.HealpixSql}: the same {@code _healpix_29} as DuckDB SQL,
 *   one expression or a staged {@code SELECT}.</li>
 *   <li>{@link org.skyshard.partitioner.PixelMap} (built by
 *   {@link org.skyshard.partitioner.PixelMapBuilder}): the catalogue's chunks, tiling the whole
 *   sphere; {@code chunkOf(hp29)}, JSON, HATS {@code partition_info.csv}.</li>
 *   <li>{@link org.skyshard.partitioner.Region} ({@link org.skyshard.partitioner.Circle},
 *   {@link org.skyshard.partitioner.Box}, {@link org.skyshard.partitioner.Polygon},
 *   {@link org.skyshard.partitioner.RaDecRange}) and
 *   {@link org.skyshard.partitioner.RegionCover}: the chunks that may hold a point of a region,
 *   and {@code _healpix_29} ranges at an order for row-group skipping.</li>
 *   <li>{@link org.skyshard.partitioner.MarginFinder}: the other chunks within the margin radius
 *   (default 1 arcmin) of a row.</li>
 * </ul>
 */
package org.skyshard.partitioner;
