package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code stilts taplint} (Debian package stilts) against the service and requires zero
 * errors. Fails, not skips, when stilts is missing: CI installs it.
 */
class TaplintTest {
  private static final Pattern TOTALS = Pattern.compile("Totals:\\s+Errors:\\s*(\\d+);\\s*Warnings:\\s*(\\d+)");

  @Test
  void taplintReportsNoErrors(@TempDir Path dir) throws Exception {
    Path stilts = Path.of("/usr/bin/stilts");
    assertTrue(Files.isExecutable(stilts), "stilts is missing: apt-get install -y stilts");
    try (TestService s = TestService.start(dir, c -> c)) {
      Process p = new ProcessBuilder(List.of(stilts.toString(), "taplint", "tapurl=" + s.url(),
          "report=EW", "maxrepeat=3"))
          .redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "taplint did not finish");
      Files.writeString(Path.of("target", "taplint.txt"), out);
      Matcher m = TOTALS.matcher(out);
      assertTrue(m.find(), "no totals in taplint output:\n" + out);
      assertEquals(0, Integer.parseInt(m.group(1)), "taplint errors:\n" + out);
    }
  }
}
