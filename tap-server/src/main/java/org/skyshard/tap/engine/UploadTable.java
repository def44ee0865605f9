package org.skyshard.tap.engine;

import java.util.List;

/**
 * A table the client uploaded, already parsed and held in memory or on disk.
 *
 * @param name the name after {@code TAP_UPLOAD.}
 * @param columns its columns
 * @param rows its rows, values typed as {@link ResultSource} describes
 */
public record UploadTable(String name, List<ResultColumn> columns, List<Object[]> rows) {

  public UploadTable {
    columns = List.copyOf(columns);
  }
}
