package org.skyshard.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memory-mapped id index finds every key, and no other, and rejects broken files. */
class IdIndexTest {
  @TempDir Path tmp;

  @Test
  void findsEveryKeyAndNoOther() throws Exception {
    Random r = new Random(7);
    long[] keys = r.longs(100_000).distinct().sorted().toArray();
    Path f = tmp.resolve("i.idx");
    try (IdIndex.Writer w = new IdIndex.Writer(f)) {
      for (long k : keys) {
        w.add(k, k ^ 0x5555);
      }
    }
    IdIndex index = IdIndex.open(f);
    assertEquals(keys.length, index.size());
    for (long k : keys) {
      assertEquals(k ^ 0x5555, index.lookup(k).orElseThrow());
    }
    for (int i = 0; i < 10_000; i++) {
      long k = r.nextLong();
      assertEquals(Arrays.binarySearch(keys, k) >= 0, index.lookup(k).isPresent());
    }
    assertTrue(index.lookup(Long.MIN_VALUE).isEmpty() || keys[0] == Long.MIN_VALUE);
  }

  @Test
  void emptyIndexAndBrokenFiles() throws Exception {
    Path f = tmp.resolve("e.idx");
    new IdIndex.Writer(f).close();
    assertTrue(IdIndex.open(f).lookup(1).isEmpty());
    try (IdIndex.Writer w = new IdIndex.Writer(tmp.resolve("o.idx"))) {
      w.add(5, 1);
      assertThrows(IllegalStateException.class, () -> w.add(5, 2));
    }
    Path t = tmp.resolve("t.idx");
    try (IdIndex.Writer w = new IdIndex.Writer(t)) {
      w.add(1, 1);
      w.add(2, 2);
    }
    byte[] b = Files.readAllBytes(t);
    Files.write(t, Arrays.copyOf(b, b.length - 3));
    assertThrows(IOException.class, () -> IdIndex.open(t));
    Files.writeString(tmp.resolve("x.idx"), "not an index at all");
    assertThrows(IOException.class, () -> IdIndex.open(tmp.resolve("x.idx")));
  }
}
