package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure PostgreSQL 15 and its q3c extension are installed: on a fresh Debian machine, as
 * root, it installs {@code postgresql-15} and {@code postgresql-15-q3c} with apt-get; otherwise
 * it explains what to install.
 */
final class DebianPackages {
  static final String PACKAGES = "postgresql-15 postgresql-15-q3c";
  private static final Path CONTROL = Path.of("/usr/share/postgresql/15/extension/q3c.control");
  private static final Path INITDB = Path.of(System.getProperty("skyshard.pg.bin",
      "/usr/lib/postgresql/15/bin"), "initdb");

  private DebianPackages() {}

  static void ensure(Log log) {
    if (Files.isRegularFile(CONTROL) && Files.isExecutable(INITDB)) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new BenchException(BenchMessages.noPgPackages("not root"));
    }
    log.info("installing %s with apt-get", PACKAGES);
    try {
      ProcessBuilder pb = new ProcessBuilder("apt-get", "install", "-y", "-q", "postgresql-15",
          "postgresql-15-q3c")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(CONTROL)) {
        p.destroyForcibly();
        throw new BenchException(BenchMessages.noPgPackages("apt-get install failed"));
      }
    } catch (IOException e) {
      throw new BenchException(BenchMessages.noPgPackages(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(BenchMessages.noPgPackages("interrupted"), e);
    }
  }
}
