package org.skyshard.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Option errors are one line and exit status 2, before anything is generated or started. */
class BenchCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new CommandLine(new BenchCommand(new PrintStream(err, true, StandardCharsets.UTF_8)))
        .execute(args);
  }

  @Test
  void unknownEngineQueryOrRunCount() {
    assertEquals(2, run("--engines", "mysql"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown engine 'mysql'"));
    assertEquals(2, run("--only", "Q1,Q99"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown query 'Q99'"));
    assertEquals(2, run("--runs", "0"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--runs"));
    assertFalse(err.toString(StandardCharsets.UTF_8).contains("Exception"), "no stack trace");
  }

  @Test
  void tuningIsSizedToTheMachine() {
    Map<String, String> s = PgTuning.settings(24L << 30, 2);
    assertEquals("6144MB", s.get("shared_buffers"));
    assertEquals("12288MB", s.get("effective_cache_size"));
    assertEquals("2", s.get("max_parallel_workers_per_gather"));
    assertEquals("8192MB", PgTuning.settings(64L << 30, 8).get("shared_buffers"));
  }
}
