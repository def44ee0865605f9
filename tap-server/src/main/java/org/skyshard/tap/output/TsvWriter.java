package org.skyshard.tap.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;

/**
 * Tab-separated values with a header line (the IANA text/tab-separated-values form): NULL is an
 * empty field; tabs and line breaks inside a value become spaces.
 */
final class TsvWriter {
  private TsvWriter() {}

  static void write(StarTable table, OutputStream out) throws IOException {
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    int n = table.getColumnCount();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        w.write('\t');
      }
      w.write(clean(table.getColumnInfo(i).getName()));
    }
    w.write('\n');
    try (RowSequence rows = table.getRowSequence()) {
      while (rows.next()) {
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            w.write('\t');
          }
          Object v = rows.getCell(i);
          if (v != null) {
            w.write(clean(v instanceof byte[] b ? hex(b) : v.toString()));
          }
        }
        w.write('\n');
      }
    }
    w.flush();
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder(b.length * 2);
    for (byte x : b) {
      s.append(String.format("%02x", x));
    }
    return s.toString();
  }
}
