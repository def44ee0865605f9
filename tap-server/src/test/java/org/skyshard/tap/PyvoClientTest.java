package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code src/test/python/pyvo_client.py} with the Debian pyvo ({@code python3-pyvo}, for
 * {@code /usr/bin/python3}) against the service: table listing, sync cone, async job, MAXREC
 * overflow, upload join, an invalid query's error with line and column. Fails when pyvo is missing.
 */
class PyvoClientTest {
  @Test
  void pyvoWorksAgainstTheService(@TempDir Path dir) throws Exception {
    Path python = Path.of("/usr/bin/python3");
    assertTrue(Files.isExecutable(python), "/usr/bin/python3 is missing");
    Path script = Path.of("src/test/python/pyvo_client.py").toAbsolutePath();
    try (TestService s = TestService.start(dir, c -> c)) {
      Process p = new ProcessBuilder(List.of(python.toString(), script.toString(), s.url()))
          .redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pyvo script did not finish");
      assertEquals(0, p.exitValue(), "pyvo script failed (is python3-pyvo installed?):\n" + out);
      assertTrue(out.contains("all pyvo checks passed"), out);
    }
  }
}
