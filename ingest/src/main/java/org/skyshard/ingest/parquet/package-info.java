/**
 * skyshard's own Parquet reading and writing, without a Hadoop cluster: {@link
 * org.skyshard.ingest.parquet.ParquetTableWriter} writes columnar {@link
 * org.skyshard.ingest.parquet.ColumnBatch}es of a Felis table, {@link
 * org.skyshard.ingest.parquet.ParquetTableReader} reads them back after checking the file's
 * schema against the table. Errors name the file, and where it applies the row and column.
 */
package org.skyshard.ingest.parquet;
