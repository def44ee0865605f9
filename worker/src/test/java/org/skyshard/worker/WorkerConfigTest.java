package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worker's defaults, and refusal of nonsense settings. */
class WorkerConfigTest {
  @Test
  void defaults() {
    WorkerConfig c = WorkerConfig.defaults(Path.of("/s"));
    assertEquals("127.0.0.1", c.host());
    assertEquals(0, c.port());
    assertEquals(0, c.duckdbThreads());
    assertNull(c.duckdbMemoryLimit());
    assertEquals(600_000, c.defaultTimeLimitMillis());
    assertEquals(1L << 30, c.defaultMemoryLimitBytes());
    assertEquals(16_384, c.batchRows());
    assertEquals(9000, c.withPort(9000).port());
    assertEquals("2GB", c.withDuckdb(2, "2GB").duckdbMemoryLimit());
    assertEquals("127.0.0.1", c.advertisedHost());
    assertEquals("worker7", c.withHost("0.0.0.0").withAdvertise("worker7").advertisedHost());
    assertNotEquals("0.0.0.0", c.withHost("0.0.0.0").advertisedHost(),
        "a wildcard bind is named by the machine's name");
  }

  @Test
  void refusesNonsense() {
    WorkerConfig c = WorkerConfig.defaults(Path.of("/s"));
    assertThrows(IllegalArgumentException.class, () -> c.withPort(70000));
    assertThrows(IllegalArgumentException.class, () -> c.withBatchRows(0));
    assertThrows(IllegalArgumentException.class, () -> c.withLimits(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> c.withLimits(10, 0));
  }
}
