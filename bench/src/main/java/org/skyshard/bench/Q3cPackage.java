package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure the q3c extension of PostgreSQL 15 is installed: on a fresh Debian machine, as root,
 * it installs {@code postgresql-15-q3c} with apt-get; otherwise it explains what to install.
 */
final class Q3cPackage {
  static final String PACKAGE = "postgresql-15-q3c";
  private static final Path CONTROL = Path.of("/usr/share/postgresql/15/extension/q3c.control");

  private Q3cPackage() {}

  static void ensure(Log log) {
    if (Files.isRegularFile(CONTROL)) {
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new BenchException(BenchMessages.noQ3c("not root"));
    }
    log.info("installing %s with apt-get", PACKAGE);
    try {
      ProcessBuilder pb = new ProcessBuilder("apt-get", "install", "-y", "-q", PACKAGE)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(CONTROL)) {
        p.destroyForcibly();
        throw new BenchException(BenchMessages.noQ3c("apt-get install failed"));
      }
    } catch (IOException e) {
      throw new BenchException(BenchMessages.noQ3c(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(BenchMessages.noQ3c("interrupted"), e);
    }
  }
}
