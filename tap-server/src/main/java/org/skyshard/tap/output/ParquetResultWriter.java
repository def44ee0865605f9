package org.skyshard.tap.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.ResultColumn;
import uk.ac.starlink.table.RowSequence;

/**
 * Writes a result as Parquet (ZSTD) straight to a stream, one row group per 100,000 rows, so
 * memory holds one row group at most. Types follow {@link FelisType#parquetType}; geometry
 * arrays are written as text. The footer's key-value metadata carries QUERY_STATUS (OK or
 * OVERFLOW) and QUERY, the Parquet counterpart of the VOTable INFOs.
 */
final class ParquetResultWriter {
  private static final int ROWS_PER_GROUP = 100_000;

  private ParquetResultWriter() {}

  static void write(ResultStarTable table, List<ResultColumn> columns, ResultInfo info,
      OutputStream out) throws IOException {
    List<Type> fields = new ArrayList<>();
    FelisType[] types = new FelisType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      ResultColumn c = columns.get(i);
      types[i] = c.isNumericArray() ? FelisType.STRING : c.datatype();
      fields.add(types[i].parquetType(table.getColumnInfo(i).getName(), true));
    }
    MessageType schema = new MessageType("result", fields);
    ParquetProperties props = ParquetProperties.builder().build();
    CodecFactory codecs = new CodecFactory(new PlainParquetConfiguration(), 1 << 20);
    try {
      ParquetFileWriter file = new ParquetFileWriter(new StreamOutputFile(out), schema,
          ParquetFileWriter.Mode.CREATE, 128L << 20, 0, null, props);
      file.start();
      List<ColumnDescriptor> descriptors = schema.getColumns();
      try (RowSequence rows = table.getRowSequence()) {
        boolean more = true;
        while (more) {
          ColumnChunkPageWriteStore pages = ColumnChunkPageWriteStore.builder()
              .withSchema(schema).withAllocator(props.getAllocator())
              .withCompressorProvider(d -> codecs.getCompressor(CompressionCodecName.ZSTD))
              .build();
          ColumnWriteStore store = props.newColumnWriteStore(schema, pages, pages);
          ColumnWriter[] writers = new ColumnWriter[descriptors.size()];
          for (int c = 0; c < writers.length; c++) {
            writers[c] = store.getColumnWriter(descriptors.get(c));
          }
          long n = 0;
          while (n < ROWS_PER_GROUP && (more = rows.next())) {
            for (int c = 0; c < writers.length; c++) {
              writeValue(writers[c], types[c], rows.getCell(c));
            }
            store.endRecord();
            n++;
          }
          if (n > 0) {
            file.startBlock(n);
            store.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
          }
          store.close();
          pages.close();
        }
      }
      Map<String, String> meta = new LinkedHashMap<>();
      meta.put("QUERY_STATUS", table.overflowed() ? "OVERFLOW" : "OK");
      if (info.query() != null) {
        meta.put("QUERY", info.query());
      }
      file.end(meta);
    } finally {
      codecs.release();
    }
  }

  private static void writeValue(ColumnWriter w, FelisType type, Object v) {
    if (v == null) {
      w.writeNull(0, 0);
      return;
    }
    switch (type) {
      case BOOLEAN -> w.write((Boolean) v, 0, 1);
      case BYTE, SHORT, INT -> w.write(((Number) v).intValue(), 0, 1);
      case LONG -> w.write(((Number) v).longValue(), 0, 1);
      case FLOAT -> w.write(((Number) v).floatValue(), 0, 1);
      case DOUBLE -> w.write(((Number) v).doubleValue(), 0, 1);
      case BINARY -> w.write(Binary.fromConstantByteArray((byte[]) v), 0, 1);
      case TIMESTAMP -> w.write(micros((String) v), 0, 1);
      default -> w.write(Binary.fromString(v instanceof double[] d ? text(d) : v.toString()), 0, 1);
    }
  }

  private static long micros(String iso) {
    String s = iso.length() == 10 ? iso + "T00:00:00" : iso;
    java.time.LocalDateTime t = java.time.LocalDateTime.parse(s);
    java.time.Instant i = t.toInstant(java.time.ZoneOffset.UTC);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
  }

  private static String text(double[] d) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < d.length; i++) {
      b.append(i > 0 ? " " : "").append(d[i]);
    }
    return b.toString();
  }

  /** An {@link OutputFile} that is a plain, forward-only stream. */
  private record StreamOutputFile(OutputStream out) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        private long pos;

        @Override
        public long getPos() {
          return pos;
        }

        @Override
        public void write(int b) throws IOException {
          out.write(b);
          pos++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
          pos += len;
        }

        @Override
        public void flush() throws IOException {
          out.flush();
        }

        @Override
        public void close() throws IOException {
          out.flush();
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }
  }
}
