package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire values survive the JSON round trip and bad tickets are refused clearly. */
class FragmentCodecTest {
  private final FragmentCodec codec = new FragmentCodec();

  @Test
  void fragmentRoundTrips() {
    Fragment f = new Fragment("q-42", "7",
        "SELECT o.objectId FROM {{chunk:Object}} AS o JOIN {{upload:mine}} AS u USING (objectId)",
        List.of(new ChunkId(5, 123), new ChunkId(6, 49151)), Fragment.ChunkMode.UNION_ALL,
        List.of(new Upload("mine", new byte[] {1, 2, 3, (byte) 255})), 1500, 1 << 20, "v7");
    byte[] ticket = codec.toTicket(f);
    Fragment back = codec.fromTicket(ticket);
    assertEquals(f, back);
    String json = new String(ticket, StandardCharsets.UTF_8);
    assertTrue(json.contains("\"chunks\":[\"5/123\",\"6/49151\"]"), json);
  }

  @Test
  void defaultsFillMissingFields() {
    Fragment f = codec.fromTicket(
        "{\"queryId\":\"q\",\"sql\":\"SELECT 1\",\"future\":true}".getBytes(StandardCharsets.UTF_8));
    assertEquals(Fragment.of("q", "0", "SELECT 1", List.of()), f);
    assertEquals(Fragment.ChunkMode.EACH, f.mode());
  }

  @Test
  void badTicketsAreRefusedWithTheReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> codec.fromTicket("{\"queryId\":\"q\",\"sql\":\"x\",\"chunks\":[\"5\"]}"
            .getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("order/pixel"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> codec.fromTicket("{\"sql\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    assertThrows(IllegalArgumentException.class, () -> new ChunkId(3, 12L << 6));
  }

  @Test
  void actionValuesRoundTrip() {
    ChunkDigest d = new ChunkDigest("Object", new ChunkId(4, 7), true, true, 10,
        "00ff00ff00ff00ff");
    assertEquals(d, codec.read(codec.write(d), ChunkDigest.class));
    WorkerHealth h = new WorkerHealth("127.0.0.1:1", true, "v1", 2, 3, 4, 0.5, 1024);
    assertEquals(h, codec.read(codec.write(h), WorkerHealth.class));
    DigestRequest r = new DigestRequest("Object", List.of(new ChunkId(0, 11)), false);
    assertEquals(r, codec.read(codec.write(r), DigestRequest.class));
    var b = new WorkerActions.BatchInfo(new ChunkId(2, 5), 3);
    assertEquals(b, codec.read(codec.write(b), WorkerActions.BatchInfo.class));
  }
}
