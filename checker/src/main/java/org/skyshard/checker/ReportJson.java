package org.skyshard.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/** The report for machines: {@code verdict}, {@code consistent} and the whole record. */
public final class ReportJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report as a JSON tree. */
  public static ObjectNode tree(CheckReport r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("verdict", ReportText.verdict(r));
    n.put("consistent", r.consistent());
    n.setAll((ObjectNode) JSON.valueToTree(r));
    return n;
  }

  /** Writes the report to {@code file}. */
  public static void write(CheckReport r, Path file) throws IOException {
    JSON.writeValue(file.toFile(), tree(r));
  }
}
