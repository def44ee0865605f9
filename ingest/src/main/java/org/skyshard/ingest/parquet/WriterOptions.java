package org.skyshard.ingest.parquet;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How {@link ParquetTableWriter} lays a file out.
 *
 * @param codec the compression codec (ZSTD by default)
 * @param rowGroupBytes a row group is closed once its buffered data exceeds this many bytes
 * @param rowGroupRows ... or once it holds this many rows
 * @param pageBytes the target size of one data page
 * @param byteStreamSplit encode float and double columns BYTE_STREAM_SPLIT (else PLAIN)
 * @param metadata extra key/value pairs for the file footer, written in key order
 */
public record WriterOptions(CompressionCodecName codec, long rowGroupBytes, long rowGroupRows,
    int pageBytes, boolean byteStreamSplit, Map<String, String> metadata) {

  public WriterOptions {
    if (rowGroupBytes <= 0 || rowGroupRows <= 0 || pageBytes <= 0) {
      throw new IllegalArgumentException("row group and page sizes must be positive");
    }
    // key order, not Map.copyOf's per-JVM order: the same content gives the same file bytes
    metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
  }

  /**
   * ZSTD, row groups of at most 128 MiB or 1,000,000 rows, 1 MiB pages, BYTE_STREAM_SPLIT
   * floating point, no extra metadata.
   */
  public static WriterOptions defaults() {
    return new WriterOptions(CompressionCodecName.ZSTD, 128L << 20, 1_000_000, 1 << 20, true,
        Map.of());
  }

  public WriterOptions withRowGroupRows(long rows) {
    return new WriterOptions(codec, rowGroupBytes, rows, pageBytes, byteStreamSplit, metadata);
  }

  public WriterOptions withRowGroupBytes(long bytes) {
    return new WriterOptions(codec, bytes, rowGroupRows, pageBytes, byteStreamSplit, metadata);
  }

  public WriterOptions withByteStreamSplit(boolean on) {
    return new WriterOptions(codec, rowGroupBytes, rowGroupRows, pageBytes, on, metadata);
  }

  public WriterOptions withMetadata(Map<String, String> extra) {
    return new WriterOptions(codec, rowGroupBytes, rowGroupRows, pageBytes, byteStreamSplit,
        extra);
  }
}
