package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration record: its defaults, its withers and what it refuses. */
class TapConfigTest {
  private final Path dir = Path.of("/srv/tap");

  @Test
  void defaultsServeAnonymouslyUnderTapWithH2() {
    TapConfig c = TapConfig.defaults(dir);
    assertEquals(8080, c.port());
    assertEquals("/tap", c.basePath());
    assertEquals(TapConfig.AuthMode.ANONYMOUS, c.authMode());
    assertEquals(dir.resolve("results"), c.resultsDir());
    assertTrue(c.jobDbUrl().startsWith("jdbc:h2:file:/srv/tap/jobs"), c.jobDbUrl());
    assertTrue(c.maxrecDefault() <= c.maxrecLimit());
    assertEquals(Duration.ofDays(7), c.destruction());
    assertEquals(List.of(), c.uploadUrlAllow(), "public hosts only");
    assertTrue(UploadUrlPolicy.of(c.uploadUrlAllow()).publicOnly());
    assertEquals(Duration.ofSeconds(30), c.uploadFetchTimeout());
  }

  @Test
  void withersChangeOneThing() {
    TapConfig c = TapConfig.defaults(dir).withPort(0).withMaxrec(10, 20)
        .withJobDb("jdbc:postgresql://h/db", "u", "p").withTokenFile(dir.resolve("tokens"));
    assertEquals(0, c.port());
    assertEquals(10, c.maxrecDefault());
    assertEquals(20, c.maxrecLimit());
    assertEquals("jdbc:postgresql://h/db", c.jobDbUrl());
    assertEquals(TapConfig.AuthMode.TOKEN_FILE, c.authMode());
    assertEquals("/tap", c.basePath());
  }

  @Test
  void uploadHostsAreCheckedWhenConfigured() {
    TapConfig c = TapConfig.defaults(dir).withUploadUrlAllow(List.of("data.example.org", "10.0.0.0/8"))
        .withUploadFetchTimeout(Duration.ofSeconds(5));
    assertEquals(List.of("data.example.org", "10.0.0.0/8"), c.uploadUrlAllow());
    assertEquals(Duration.ofSeconds(5), c.uploadFetchTimeout());
    assertEquals(12, c.withQueryThreads(12).queryThreads());
    assertThrows(IllegalArgumentException.class, () -> c.withQueryThreads(0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TapConfig.defaults(dir).withUploadUrlAllow(List.of("http://x/")));
    assertTrue(e.getMessage().contains("'http://x/'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> TapConfig.defaults(dir).withUploadFetchTimeout(Duration.ZERO));
  }

  @Test
  void inconsistentValuesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TapConfig.defaults(dir).withMaxrec(100, 10));
    assertThrows(IllegalArgumentException.class, () -> new TapConfig("h", 1, "tap/", null, 1, 1,
        dir, "jdbc:h2:mem:", null, null, 1, 1, TapConfig.AuthMode.ANONYMOUS, null,
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, List.of(),
        Duration.ofSeconds(1)));
    assertThrows(IllegalArgumentException.class, () -> new TapConfig("h", 1, "/tap", null, 1, 1,
        dir, "jdbc:h2:mem:", null, null, 1, 1, TapConfig.AuthMode.TOKEN_FILE, null,
        Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1, List.of(),
        Duration.ofSeconds(1)));
  }
}
