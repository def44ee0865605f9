package org.skyshard.ingest.store;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * A director id index: key → {@code _healpix_29} of the row, so an {@code objectId = X} query
 * touches the one chunk holding X (under any pixel map). The file is the 8-byte magic
 * {@code SKYIDX01}, the entry count (int64), then the entries as (key int64, hp29 int64) pairs
 * sorted by key, all big-endian. It is memory-mapped and binary-searched: a lookup reads about
 * log2(n) entries from the page cache and allocates nothing; the heap holds none of it.
 */
public final class IdIndex {
  private static final long MAGIC = 0x534B594944583031L; // "SKYIDX01"
  private static final int HEADER = 16;
  /** Entries per mapped segment (1 GiB). */
  private static final long SEGMENT = 1L << 26;

  private final LongBuffer[] segments;
  private final long count;

  private IdIndex(LongBuffer[] segments, long count) {
    this.segments = segments;
    this.count = count;
  }

  /** Maps an index file. */
  public static IdIndex open(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(HEADER);
      while (head.hasRemaining() && ch.read(head) >= 0) {
        // fill the header
      }
      head.flip();
      if (head.remaining() < HEADER || head.getLong() != MAGIC) {
        throw new IOException(file + ": not an id index");
      }
      long n = head.getLong();
      if (ch.size() != HEADER + 16 * n) {
        throw new IOException(file + ": id index truncated");
      }
      int nseg = (int) ((n + SEGMENT - 1) / SEGMENT);
      LongBuffer[] segs = new LongBuffer[nseg];
      for (int s = 0; s < nseg; s++) {
        long first = s * SEGMENT;
        long len = Math.min(SEGMENT, n - first);
        segs[s] = ch.map(FileChannel.MapMode.READ_ONLY, HEADER + 16 * first, 16 * len)
            .order(ByteOrder.BIG_ENDIAN).asLongBuffer();
      }
      return new IdIndex(segs, n);
    }
  }

  /** Number of keys. */
  public long size() {
    return count;
  }

  private long keyAt(long i) {
    return segments[(int) (i / SEGMENT)].get((int) (i % SEGMENT) * 2);
  }

  private long valueAt(long i) {
    return segments[(int) (i / SEGMENT)].get((int) (i % SEGMENT) * 2 + 1);
  }

  /** The {@code _healpix_29} of the row with this key, or empty when no row has it. */
  public OptionalLong lookup(long key) {
    long lo = 0;
    long hi = count - 1;
    while (lo <= hi) {
      long mid = (lo + hi) >>> 1;
      long k = keyAt(mid);
      if (k < key) {
        lo = mid + 1;
      } else if (k > key) {
        hi = mid - 1;
      } else {
        return OptionalLong.of(valueAt(mid));
      }
    }
    return OptionalLong.empty();
  }

  /** Writes an index; the caller feeds the keys in ascending order, without duplicates. */
  public static final class Writer implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private long count;
    private long last = Long.MIN_VALUE;

    public Writer(Path file) throws IOException {
      this.file = file;
      Files.createDirectories(file.getParent());
      OutputStream os = Files.newOutputStream(file);
      this.out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
      out.writeLong(MAGIC);
      out.writeLong(0);
    }

    public void add(long key, long hp29) throws IOException {
      if (count > 0 && key <= last) {
        throw new IllegalStateException("id index keys must ascend: " + key + " after " + last);
      }
      out.writeLong(key);
      out.writeLong(hp29);
      last = key;
      count++;
    }

    @Override
    public void close() throws IOException {
      out.close();
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(count);
        b.flip();
        ch.write(b, 8);
        ch.force(true);
      }
    }
  }
}
