package org.skyshard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skyshard.tap.pg.LocalPostgres;

/**
 * What the bench does to a {@link LocalPostgres} cluster beyond starting and stopping it:
 * restart it (so {@code ALTER SYSTEM} settings such as shared_buffers take effect; {@code pg_ctl
 * restart} reuses the original options) and tell the postmaster's pid.
 */
final class PgControl {
  private PgControl() {}

  static void restart(LocalPostgres pg) {
    Path bin = Path.of(System.getProperty("skyshard.pg.bin", "/usr/lib/postgresql/15/bin"));
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.addAll(List.of(bin.resolve("pg_ctl").toString(), "-D", data(pg).toString(), "-l",
        pg.directory().resolve("server.log").toString(), "-w", "-t", "120", "-m", "fast",
        "restart"));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(150, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new BenchException(BenchMessages.noPostgres("restart failed: "
            + new String(out, StandardCharsets.UTF_8).strip()));
      }
    } catch (IOException e) {
      throw new BenchException(BenchMessages.noPostgres(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(BenchMessages.noPostgres("interrupted"), e);
    }
  }

  /** The postmaster's pid, or -1 while it is not running. */
  static long postmasterPid(LocalPostgres pg) {
    try {
      String first = Files.readAllLines(data(pg).resolve("postmaster.pid")).get(0).strip();
      return Long.parseLong(first);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Path data(LocalPostgres pg) {
    return pg.directory().resolve("data");
  }
}
