package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which upload URLs the service fetches: IP literals only here, so no DNS is asked. */
class UploadUrlPolicyTest {
  private static final UploadUrlPolicy PUBLIC = UploadUrlPolicy.of(List.of());

  @Test
  void nonPublicAddressesAreNamedByKind() throws Exception {
    assertEquals("a loopback", kind("127.0.0.1"));
    assertEquals("a loopback", kind("::1"));
    assertEquals("a loopback", kind("::ffff:127.0.0.2"));
    assertEquals("an unspecified", kind("0.0.0.0"));
    assertEquals("a link-local", kind("169.254.169.254"));
    assertEquals("a link-local", kind("fe80::1"));
    assertEquals("a private", kind("10.1.2.3"));
    assertEquals("a private", kind("172.16.0.1"));
    assertEquals("a private", kind("192.168.1.1"));
    assertEquals("a private (unique-local)", kind("fd12:3456::1"));
    assertEquals("a private (carrier-grade NAT)", kind("100.64.0.1"));
    assertEquals("a multicast", kind("224.0.0.1"));
    assertEquals("a multicast", kind("ff02::1"));
    assertEquals("a reserved", kind("255.255.255.255"));
    assertNull(kind("93.184.215.14"));
    assertNull(kind("2606:2800:21f:cb07:6820:80da:af6b:8b2c"));
    assertNull(kind("172.32.0.1"));
  }

  @Test
  void byDefaultOnlyPublicAddressesAreFetched() {
    UsageException e = assertThrows(UsageException.class,
        () -> PUBLIC.check("targets", "http://169.254.169.254/latest", "169.254.169.254"));
    assertEquals("upload targets: will not fetch http://169.254.169.254/latest: host"
        + " 169.254.169.254 is 169.254.169.254, a link-local address; the service fetches uploads"
        + " only from public addresses unless its operator lists the host (serve --upload-hosts)",
        e.getMessage());
    assertThrows(UsageException.class, () -> PUBLIC.check("t", "http://[::1]:8080/", "[::1]"));
    assertThrows(UsageException.class, () -> PUBLIC.check("t", "http://10.0.0.8/", "10.0.0.8"));
    assertTrue(assertThrows(UsageException.class, () -> PUBLIC.check("t", "http:///x", null))
        .getMessage().contains("names no host"));
    assertDoesNotThrow(() -> PUBLIC.check("t", "http://93.184.215.14/", "93.184.215.14"));
  }

  @Test
  void listedHostsReplaceTheDefault() {
    UploadUrlPolicy p = UploadUrlPolicy.of(List.of("127.0.0.1", "*.example.org", "10.1.0.0/16",
        "fd00::/8"));
    assertDoesNotThrow(() -> p.check("t", "http://127.0.0.1:9/", "127.0.0.1"));
    assertDoesNotThrow(() -> p.check("t", "http://a.b.example.org/", "A.B.example.org"));
    assertDoesNotThrow(() -> p.check("t", "http://10.1.200.3/", "10.1.200.3"));
    assertDoesNotThrow(() -> p.check("t", "http://[fd00::5]/", "[fd00::5]"));
    UsageException e = assertThrows(UsageException.class,
        () -> p.check("t", "http://10.2.0.1/", "10.2.0.1"));
    assertTrue(e.getMessage().contains("not among the hosts"), e.getMessage());
    assertThrows(UsageException.class, () -> p.check("t", "http://93.184.215.14/", "93.184.215.14"),
        "a list admits only what it names, public or not");
    assertThrows(UsageException.class, () -> p.check("t", "http://127.0.0.2/", "127.0.0.2"));
  }

  @Test
  void badPatternsAreRefusedWithTheirText() {
    for (String bad : List.of("http://x", "10.0.0.0/33", "a/b", "*", "fd00::/129", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> UploadUrlPolicy.of(List.of(bad)), bad);
      assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }

  private static String kind(String literal) throws Exception {
    return UploadUrlPolicy.nonPublicKind(InetAddress.getByName(literal));
  }
}
