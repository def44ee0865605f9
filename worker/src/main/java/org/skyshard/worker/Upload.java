package org.skyshard.worker;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A small table shipped with a fragment (a TAP_UPLOAD table, or a side gathered by the czar),
 * referenced in the fragment SQL as {@code {{upload:name}}}. The worker loads it into a temporary
 * table of the fragment's DuckDB connection before the first chunk and drops it afterwards.
 *
 * @param name the placeholder name: letters, digits and underscores, starting with a letter
 * @param arrowIpc the table as an Arrow IPC <em>stream</em> (schema message then record batches),
 *     e.g. written with {@code ArrowStreamWriter}; base64 in the JSON ticket
 */
public record Upload(String name, byte[] arrowIpc) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

  public Upload {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "upload name must be a letter then letters, digits or _ (at most 64): " + name);
    }
    if (arrowIpc == null || arrowIpc.length == 0) {
      throw new IllegalArgumentException("upload " + name + " has no Arrow IPC bytes");
    }
    arrowIpc = arrowIpc.clone();
  }

  @Override
  public byte[] arrowIpc() {
    return arrowIpc.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Upload u && name.equals(u.name) && Arrays.equals(arrowIpc, u.arrowIpc);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(arrowIpc);
  }

  @Override
  public String toString() {
    return "Upload[" + name + ", " + arrowIpc.length + " bytes]";
  }
}
