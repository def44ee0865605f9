package org.skyshard.ingest.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.ingest.store.Sql;

/**
 * The rows of one table for the ingest: its new input files, plus the files of the previously
 * published version when a batch is added. As SQL, a relation with the schema columns in schema
 * order and {@code filename}, {@code file_row_number} to position messages.
 *
 * @param table the table name
 * @param columns the schema columns in schema order
 * @param newFiles the new input files
 * @param publishedFiles the published files of the same table (may be empty)
 */
public record TableSource(String table, List<String> columns, List<Path> newFiles,
    List<Path> publishedFiles) {

  public TableSource {
    columns = List.copyOf(columns);
    newFiles = List.copyOf(newFiles);
    publishedFiles = List.copyOf(publishedFiles);
  }

  /** All files. */
  public List<Path> allFiles() {
    List<Path> all = new ArrayList<>(newFiles);
    all.addAll(publishedFiles);
    return all;
  }

  /** The relation, parenthesised, for a FROM clause. */
  public String relation() {
    String cols = Sql.idents(columns);
    List<String> parts = new ArrayList<>();
    for (List<Path> files : List.of(newFiles, publishedFiles)) {
      if (!files.isEmpty()) {
        parts.add("SELECT " + cols + ", filename, file_row_number FROM read_parquet("
            + Sql.pathList(files) + ", filename = true, file_row_number = true)");
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalStateException("table " + table + " has no files");
    }
    return "(" + String.join(" UNION ALL ", parts) + ")";
  }

  /** The same relation without the position columns (what is written to the store). */
  public String dataRelation() {
    String cols = Sql.idents(columns);
    List<String> parts = new ArrayList<>();
    for (List<Path> files : List.of(newFiles, publishedFiles)) {
      if (!files.isEmpty()) {
        parts.add("SELECT " + cols + " FROM read_parquet(" + Sql.pathList(files) + ")");
      }
    }
    return "(" + String.join(" UNION ALL ", parts) + ")";
  }
}
