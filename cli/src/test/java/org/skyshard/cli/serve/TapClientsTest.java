package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients astronomers use, against the served catalog: TOPCAT's author's validator
 * ({@code stilts taplint}, Debian package {@code stilts}) and a pyvo script (Debian package
 * {@code python3-pyvo}, which imports under {@code /usr/bin/python3}).
 */
class TapClientsTest {
  static ServedCatalog catalog;

  @BeforeAll
  static void serve() throws Exception {
    catalog = ServedCatalog.get();
  }

  @Test
  void taplintReportsNoErrors() throws Exception {
    requireProgram("/usr/bin/stilts", "stilts");
    Run run = run(List.of("/usr/bin/stilts", "taplint", "tapurl=" + catalog.url(), "report=EW",
        "maxtable=4"), 600);
    Matcher totals = Pattern.compile("Totals: Errors: (\\d+); Warnings: (\\d+)").matcher(run.out);
    assertTrue(totals.find(), "taplint finished with totals:\n" + run.out);
    List<String> errors = run.out.lines().filter(l -> l.startsWith("E-")).toList();
    assertEquals(0, Integer.parseInt(totals.group(1)), "taplint errors:\n" + String.join("\n", errors));
  }

  @Test
  void aPyvoNotebookWorks(@TempDir Path dir) throws Exception {
    requireProgram("/usr/bin/python3", "python3");
    Path script = dir.resolve("pyvo_client.py");
    try (InputStream in = getClass().getResourceAsStream("pyvo_client.py")) {
      Files.copy(in, script);
    }
    Run run = run(List.of("/usr/bin/python3", script.toString(), catalog.url()), 300);
    assertEquals(0, run.exit, "pyvo checks:\n" + run.out);
    assertTrue(run.out.contains("all pyvo checks passed"), run.out);
  }

  private record Run(int exit, String out) {}

  private static Run run(List<String> command, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(command.get(0) + " did not finish in " + seconds + " s");
    }
    return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static void requireProgram(String path, String debianPackage) {
    if (!Files.isExecutable(Path.of(path))) {
      fail(path + " is missing: install the Debian package " + debianPackage
          + (debianPackage.equals("python3") ? " and python3-pyvo" : "") + " (.ci/run does)");
    }
  }
}
