package org.skyshard.ingest.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterOptionsTest {
  /**
   * Footer metadata goes to the file in the map's order: it must not be {@code Map.of}'s, which
   * changes from one JVM to the next, or the same catalog would differ in bytes run to run.
   */
  @Test
  void footerMetadataIsInKeyOrderWhateverTheGivenMap() {
    Map<String, String> given = Map.of("f", "6", "b", "2", "e", "5", "a", "1", "d", "4",
        "c", "3");
    WriterOptions o = WriterOptions.defaults().withMetadata(given);
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), List.copyOf(o.metadata().keySet()));
    assertEquals(given, o.metadata());
  }
}
