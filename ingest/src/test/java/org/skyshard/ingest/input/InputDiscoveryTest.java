package org.skyshard.ingest.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skyshard.ingest.IngestException;
import org.skyshard.schema.BundledSchemas;

/** Tables are found by directory or by file-name prefix; the longest table name wins. */
class InputDiscoveryTest {
  @TempDir Path in;

  @Test
  void directoriesAndPrefixes() throws Exception {
    Files.createDirectories(in.resolve("object").resolve("tract1"));
    Files.writeString(in.resolve("object").resolve("tract1").resolve("a.parquet"), "x");
    Files.writeString(in.resolve("ForcedSourceOnDiaObject_1.parquet"), "y");
    Files.writeString(in.resolve("ForcedSource-t2.parquet"), "z");
    Files.writeString(in.resolve("Visit.parquet"), "v");
    Files.writeString(in.resolve("_generator.json"), "{}");
    Files.writeString(in.resolve("notes.txt"), "ignored");
    Map<String, List<InputFile>> found = new InputDiscovery(BundledSchemas.dp02()).discover(in);
    assertEquals(List.of("Object", "ForcedSource", "ForcedSourceOnDiaObject", "Visit"),
        List.copyOf(found.keySet()));
    assertEquals("object/tract1/a.parquet", found.get("Object").get(0).name());
    assertEquals("ForcedSource-t2.parquet", found.get("ForcedSource").get(0).name());
    assertTrue(found.get("Visit").get(0).fingerprint().startsWith("sha256:"));
    String fp = found.get("Visit").get(0).fingerprint();
    Files.move(in.resolve("Visit.parquet"), in.resolve("Visit_copy.parquet"));
    assertEquals(fp, new InputDiscovery(BundledSchemas.dp02()).discover(in).get("Visit").get(0)
        .fingerprint(), "the fingerprint follows the content, not the name");
  }

  @Test
  void unknownTablesAreErrors() throws Exception {
    Files.writeString(in.resolve("Objects2.parquet"), "x");
    IngestException e = assertThrows(IngestException.class,
        () -> new InputDiscovery(BundledSchemas.dp02()).discover(in));
    assertTrue(e.getMessage().contains("Objects2"), e.getMessage());
  }
}
