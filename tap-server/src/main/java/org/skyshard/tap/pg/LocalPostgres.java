package org.skyshard.tap.pg;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL cluster on a free loopback port, made from the Debian
 * PostgreSQL binaries ({@code /usr/lib/postgresql/15/bin}, or the directory in system property
 * {@code skyshard.pg.bin}): {@code initdb} into a temporary directory, {@code pg_ctl start},
 * and on {@link #close()} {@code pg_ctl stop} and deletion of the directory — also when starting
 * fails half-way, and at JVM exit if nobody closed it. As root, the binaries run as the
 * {@code postgres} OS user (PostgreSQL refuses to run as root). Trust authentication, fsync off:
 * for tests and benchmarks only.
 */
public final class LocalPostgres implements AutoCloseable {
  /** The database user the cluster is created with. */
  public static final String USER = "skyshard";
  private static final String DEFAULT_BIN = "/usr/lib/postgresql/15/bin";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;
  private final Thread shutdownHook;
  private boolean running;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
  }

  /** Creates and starts a cluster; fails with a clear message when the binaries are missing. */
  public static LocalPostgres start() {
    Path bin = Path.of(System.getProperty("skyshard.pg.bin", DEFAULT_BIN));
    if (!Files.isExecutable(bin.resolve("initdb")) || !Files.isExecutable(bin.resolve("pg_ctl"))) {
      throw new IllegalStateException("PostgreSQL binaries not found in " + bin
          + " (need initdb and pg_ctl): install them with 'apt-get install -y postgresql-15'"
          + " or set -Dskyshard.pg.bin");
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir;
    try {
      dir = Files.createTempDirectory("skyshard-pg");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a directory for PostgreSQL", e);
    }
    LocalPostgres pg = new LocalPostgres(bin, dir, freePort(), root);
    Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
    try {
      pg.init();
      return pg;
    } catch (RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  private void init() {
    try {
      if (asPostgresUser) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
            .lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot hand " + dir + " to the postgres OS user: "
          + e.getMessage(), e);
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER,
        "-A", "trust", "-E", "UTF8", "--no-sync"), 120);
    running = true;
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -F", "start"), 90);
  }

  private Path data() {
    return dir.resolve("data");
  }

  /** JDBC URL of the cluster's {@code postgres} database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The user to connect as (no password: trust authentication). */
  public String user() {
    return USER;
  }

  /** The directory holding the cluster (deleted by {@link #close()}). */
  public Path directory() {
    return dir;
  }

  /** The TCP port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** Stops the cluster and deletes its directory. Idempotent. */
  @Override
  public synchronized void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
  }

  private synchronized void stopQuietly() {
    if (running) {
      running = false;
      try {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate",
            "-w", "stop"), 60);
      } catch (RuntimeException e) {
        // deleting the directory below is all that is left to do
      }
    }
    deleteTree(dir);
  }

  private void run(List<String> command, int timeoutSeconds) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true).directory(dir.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", full) + " did not finish in "
            + timeoutSeconds + " s");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", full) + " failed (exit " + p.exitValue()
            + "): " + new String(out, StandardCharsets.UTF_8) + serverLog());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command.get(0), e);
    }
  }

  private String serverLog() {
    try {
      Path log = dir.resolve("server.log");
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
