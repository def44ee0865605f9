package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Placeholders parse, render per chunk, and bad ones are refused with the reason. */
class SqlTemplateTest {
  private static final SqlTemplate.Resolver NAMES = (p, c) -> switch (p.kind()) {
    case CHUNK_ORDER -> Integer.toString(c.order());
    case CHUNK_PIXEL -> Long.toString(c.pixel());
    default -> p.kind().name().toLowerCase() + "(" + p.name() + (c == null ? "" : "@" + c) + ")";
  };

  @Test
  void rendersEachPlaceholderForTheChunk() {
    SqlTemplate t = SqlTemplate.parse("SELECT {{chunkOrder}}, {{chunkPixel}} FROM {{chunk:Object}}"
        + " o JOIN {{ margin : Object }} m ON TRUE, {{table:Visit}} v, {{upload:u1}} u"
        + " WHERE o.x = '{not a placeholder}'");
    assertEquals(List.of(new SqlTemplate.Placeholder(SqlTemplate.Kind.CHUNK_ORDER, null),
        new SqlTemplate.Placeholder(SqlTemplate.Kind.CHUNK_PIXEL, null),
        new SqlTemplate.Placeholder(SqlTemplate.Kind.CHUNK, "Object"),
        new SqlTemplate.Placeholder(SqlTemplate.Kind.MARGIN, "Object"),
        new SqlTemplate.Placeholder(SqlTemplate.Kind.TABLE, "Visit"),
        new SqlTemplate.Placeholder(SqlTemplate.Kind.UPLOAD, "u1")), t.placeholders());
    assertEquals("SELECT 5, 123 FROM chunk(Object@5/123) o JOIN margin(Object@5/123) m ON TRUE,"
        + " table(Visit@5/123) v, upload(u1@5/123) u WHERE o.x = '{not a placeholder}'",
        t.render(NAMES, new ChunkId(5, 123)));
  }

  @Test
  void refusesUnknownAndMalformedPlaceholders() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SqlTemplate.parse("SELECT * FROM {{chunks:Object}}")).getMessage()
        .startsWith("unknown placeholder {{chunks:Object}}"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SqlTemplate.parse("SELECT * FROM {{chunk}}")).getMessage()
        .contains("needs a name"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SqlTemplate.parse("SELECT {{chunkOrder:Object}}")).getMessage()
        .contains("takes no name"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SqlTemplate.parse("SELECT * FROM {{chunk:Object} x")).getMessage()
        .contains("malformed placeholder"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SqlTemplate.parse("SELECT * FROM {{chunk:Ob-ject}}")).getMessage()
        .contains("malformed placeholder"));
  }
}
