package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker in its own JVM (as {@code ./skyshard worker} runs it) that dies or stops answering
 * mid-query: the client gets an error naming the worker and the chunk, never a hang.
 */
class WorkerProcessTest {
  @TempDir Path tmp;
  Process process;
  int port;
  BufferAllocator root;

  @BeforeEach
  void start() throws Exception {
    Path store = tmp.resolve("store");
    TestStore.build(store, "v1");
    String java = ProcessHandle.current().info().command().orElse("java");
    Path jtmp = Files.createDirectories(tmp.resolve("jtmp"));
    // DuckDB unpacks its native library into java.io.tmpdir; a killed JVM cannot delete it.
    process = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx256m",
        "-Djava.io.tmpdir=" + jtmp,
        "-cp", System.getProperty("java.class.path"), WorkerCommand.class.getName(),
        "--store", store.toString(), "--port", "0", "--threads", "1")
        .redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (String l; (l = out.readLine()) != null; ) {
        if (l.startsWith(WorkerCommand.READY)) {
          return l;
        }
        seen.append(l).append('\n');
      }
      throw new AssertionError("the worker exited before it was ready:\n" + seen);
    });
    String address = line.substring(WorkerCommand.READY.length()).split(" ")[0];
    port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "child-output");
    drain.setDaemon(true);
    drain.start();
    root = new RootAllocator();
  }


  @AfterEach
  void stop() throws Exception {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    if (root != null) {
      root.close();
    }
  }

  @Test
  void aWorkerThatStopsAnsweringTimesOutAndOneKilledMidStreamIsNamed() {
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      try (WorkerClient c = WorkerClient.connect("127.0.0.1", port, root, 1000)) {
        assertEquals("v1", c.health().version());
        signal("STOP");
        try {
          Fragment f = WorkerFixture.fragment("qn", "SELECT objectId FROM {{chunk:Object}}",
              TestStore.CHUNKS.get(0)).withTimeLimitMillis(500);
          try (FragmentStream s = c.run(f)) {
            WorkerException e = assertThrows(WorkerException.class, () -> Results.rows(s));
            assertEquals(WorkerException.Kind.TIMEOUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("worker 127.0.0.1:" + port
                + " did not answer in time while streaming chunk Norder=3 Npix=10"),
                e.getMessage());
          }
        } finally {
          signal("CONT");
        }
        assertTrue(c.health().up(), "it answers again once resumed");

        Fragment f = WorkerFixture.fragment("qk", FaultTest.BIG, TestStore.CHUNKS.get(0),
            TestStore.CHUNKS.get(1));
        try (FragmentStream s = c.run(f)) {
          for (int i = 0; i < 3; i++) {
            assertTrue(s.next());
          }
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          WorkerException e = assertThrows(WorkerException.class, () -> {
            while (s.next()) {
              // Drain what was in flight.
            }
          });
          assertEquals(WorkerException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
          assertEquals(TestStore.CHUNKS.get(0), e.chunk());
          assertTrue(e.getMessage().startsWith("worker 127.0.0.1:" + port
              + " failed or became unreachable while streaming chunk Norder=3 Npix=10 of query"
              + " qk fragment 0"), e.getMessage());
          assertEquals(List.of(), s.completedChunks());
        }
        WorkerException h = assertThrows(WorkerException.class, c::health);
        assertEquals(WorkerException.Kind.UNAVAILABLE, h.kind(), h.getMessage());
      }
    });
  }

  private void signal(String sig) throws Exception {
    assertEquals(0, new ProcessBuilder("kill", "-" + sig, Long.toString(process.pid()))
        .inheritIO().start().waitFor());
  }
}
