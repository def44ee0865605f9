package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancellation, time and memory limits, corrupt chunk files and clients that go away: each ends
 * with a clear error naming chunk and worker, frees its memory (the fixture closes the root
 * allocator) and leaves the worker serving.
 */
class FaultTest {
  /** Millions of rows from one chunk: enough batches to be mid-stream for a while. */
  static final String BIG = "SELECT o.objectId, r.range AS k FROM {{chunk:Object}} AS o,"
      + " range(100000) AS r";
  /** A blocking aggregate that would run for hours. */
  static final String SLOW = "SELECT sum(hash(o.objectId + r.range)) FROM {{chunk:Object}} AS o,"
      + " range(1000000000) AS r";

  @TempDir Path tmp;
  WorkerFixture w;

  @BeforeEach
  void start() throws Exception {
    w = new WorkerFixture(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    w.close();
    assertTrue(Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("skyshard-worker-")),
        "the worker's threads are gone");
  }

  private void stillServes() {
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("next",
        "SELECT count(*) FROM {{chunk:Object}}", TestStore.CHUNKS.get(1)))) {
      assertEquals(List.of(List.of("600")), Results.rows(s));
    }
    assertEquals(0, w.client.health().running());
  }

  private static WorkerException drain(FragmentStream s) {
    return assertThrows(WorkerException.class, () -> {
      for (int i = 0; i < 1_000_000 && s.next(); i++) {
        // Batches already in flight arrive before the error.
      }
    });
  }

  @Test
  void cancellationWhileStreamingStopsTheQuery() {
    Fragment f = WorkerFixture.fragment("qc", BIG, TestStore.CHUNKS.get(0),
        TestStore.CHUNKS.get(1));
    try (FragmentStream s = w.client.run(f)) {
      for (int i = 0; i < 3; i++) {
        assertTrue(s.next());
      }
      assertEquals(1, w.client.cancel("qc"));
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.CANCELLED, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("worker " + w.server.address()), e.getMessage());
      assertTrue(e.getMessage().contains("chunk Norder=3 Npix=10"), e.getMessage());
    }
    assertEquals(0, w.client.cancel("qc"), "nothing of that query runs any more");
    try (FragmentStream late = w.client.run(f)) {
      WorkerException e = drain(late);
      assertEquals(WorkerException.Kind.CANCELLED, e.kind(),
          "a fragment arriving after its query's cancel stops at once: " + e.getMessage());
    }
    stillServes();
  }

  @Test
  void aWorkerStoppedMidStreamSendsItsClientsElsewhere() throws Exception {
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("qs", BIG,
        TestStore.CHUNKS.get(0)))) {
      assertTrue(s.next());
      Thread closer = new Thread(w.server::close);
      closer.start();
      WorkerException e = drain(s);
      closer.join();
      assertEquals(WorkerException.Kind.UNAVAILABLE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("worker " + w.server.address()), e.getMessage());
      assertEquals(TestStore.CHUNKS.get(0), e.chunk());
    }
  }

  @Test
  void aClientThatClosesEarlyStopsTheFragment() throws Exception {
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("qe", BIG,
        TestStore.CHUNKS.get(0)))) {
      assertTrue(s.next());
    }
    for (int i = 0; i < 800 && w.client.health().running() > 0; i++) {
      Thread.sleep(25);
    }
    stillServes();
  }

  @Test
  void theTimeLimitStopsABlockingQuery() {
    Fragment f = WorkerFixture.fragment("qt", SLOW, TestStore.CHUNKS.get(0))
        .withTimeLimitMillis(500);
    try (FragmentStream s = w.client.run(f)) {
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.TIMEOUT, e.kind(), e.getMessage());
      assertEquals(TestStore.CHUNKS.get(0), e.chunk());
      assertTrue(e.getMessage().contains("exceeded its time limit of 500 ms on chunk Norder=3"
          + " Npix=10"), e.getMessage());
      assertTrue(e.getMessage().contains("worker " + w.server.address()), e.getMessage());
    }
    stillServes();
  }

  @Test
  void cancellingABlockingQueryInterruptsDuckDb() throws Exception {
    Thread canceller = new Thread(() -> {
      try {
        for (int i = 0; i < 400 && w.client.cancel("qb") == 0; i++) {
          Thread.sleep(10);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    canceller.start();
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("qb", SLOW,
        TestStore.CHUNKS.get(0)))) {
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.CANCELLED, e.kind(), e.getMessage());
    }
    canceller.join();
    stillServes();
  }

  @Test
  void aCorruptChunkFileIsNamed() throws Exception {
    byte[] garbage = new byte[4096];
    for (int i = 0; i < garbage.length; i++) {
      garbage[i] = (byte) (i * 31);
    }
    Files.write(w.objectFile(1), garbage);
    Fragment f = WorkerFixture.fragment("qx", "SELECT objectId FROM {{chunk:Object}}",
        TestStore.CHUNKS.get(0), TestStore.CHUNKS.get(1), TestStore.CHUNKS.get(2));
    try (FragmentStream s = w.client.run(f)) {
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.BAD_CHUNK, e.kind(), e.getMessage());
      assertEquals(TestStore.CHUNKS.get(1), e.chunk());
      assertTrue(e.getMessage().contains("cannot read chunk Norder=3 Npix=11 (Object)"),
          e.getMessage());
      assertTrue(e.getMessage().contains("worker " + w.server.address()), e.getMessage());
      assertEquals(List.of(TestStore.CHUNKS.get(0)), s.completedChunks(),
          "the first chunk arrived whole");
    }
    WorkerException d = assertThrows(WorkerException.class,
        () -> w.client.digests("Object", List.of(TestStore.CHUNKS.get(1))));
    assertEquals(WorkerException.Kind.BAD_CHUNK, d.kind(), d.getMessage());
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("next",
        "SELECT count(*) FROM {{chunk:Object}}", TestStore.CHUNKS.get(2)))) {
      assertEquals(List.of(List.of("900")), Results.rows(s));
    }
    Files.delete(w.objectFile(3));
    try (FragmentStream s = w.client.run(WorkerFixture.fragment("qd",
        "SELECT count(*) FROM {{chunk:Object}}", TestStore.CHUNKS.get(3)))) {
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.BAD_CHUNK, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("cannot read chunk Norder=4 Npix=3000 (Object)"),
          e.getMessage());
    }
  }

  @Test
  void theMemoryLimitStopsAFragment() {
    Fragment f = WorkerFixture.fragment("qm", BIG, TestStore.CHUNKS.get(0))
        .withMemoryLimitBytes(4096);
    try (FragmentStream s = w.client.run(f)) {
      WorkerException e = drain(s);
      assertEquals(WorkerException.Kind.RESOURCE_EXHAUSTED, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("exceeded its memory limit of 4096 bytes on chunk"
          + " Norder=3 Npix=10"), e.getMessage());
    }
    stillServes();
  }

  @Test
  void aTicketThatIsNotAFragmentIsRefused() throws Exception {
    try (var raw = org.apache.arrow.flight.FlightClient.builder(w.root,
            org.apache.arrow.flight.Location.forGrpcInsecure("127.0.0.1", w.server.port()))
        .build();
        var s = raw.getStream(new org.apache.arrow.flight.Ticket("not json".getBytes()))) {
      var e = assertThrows(org.apache.arrow.flight.FlightRuntimeException.class, s::next);
      assertTrue(e.getMessage().contains("received a ticket that is not a fragment"),
          e.getMessage());
    }
    stillServes();
  }
}
