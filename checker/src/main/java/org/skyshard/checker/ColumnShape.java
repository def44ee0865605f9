package org.skyshard.checker;

/**
 * One column as a site stores it.
 *
 * @param name the column name
 * @param type the stored (Parquet) type, e.g. {@code DOUBLE}, {@code INT64/INT_64}
 */
public record ColumnShape(String name, String type) {}
