package org.skyshard.ingest.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An input file's fingerprint: SHA-256 of its size, its first 64 KiB and its last 1 MiB (where
 * Parquet keeps the footer: schema, row-group offsets, sizes and statistics). It identifies a
 * file across copies and renames without reading gigabytes; a rewrite of a file changes its
 * footer. Used to recognise files already ingested.
 */
public final class Fingerprint {
  private static final int HEAD = 64 * 1024;
  private static final int TAIL = 1024 * 1024;

  private Fingerprint() {}

  public static String of(Path file) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      md.update(ByteBuffer.allocate(8).putLong(size).array());
      update(md, ch, 0, (int) Math.min(HEAD, size));
      long tailStart = Math.max(Math.min(HEAD, size), size - TAIL);
      update(md, ch, tailStart, (int) (size - tailStart));
    }
    return "sha256:" + HexFormat.of().formatHex(md.digest());
  }

  private static void update(MessageDigest md, FileChannel ch, long pos, int len)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(len);
    while (b.hasRemaining()) {
      if (ch.read(b, pos + b.position()) < 0) {
        break;
      }
    }
    b.flip();
    md.update(b);
  }
}
