package org.skyshard.worker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a worker runs. {@link #defaults(Path)} gives the values {@code ./skyshard worker} uses.
 *
 * @param store the store directory (its published version is served)
 * @param host the address to bind ({@code 127.0.0.1} by default)
 * @param port the port to bind; 0 picks a free one
 * @param duckdbThreads DuckDB threads, shared by all fragments of this worker; 0 = DuckDB's default
 *     (one per core)
 * @param duckdbMemoryLimit DuckDB's {@code memory_limit} for the whole worker, e.g. {@code "2GB"};
 *     null = DuckDB's default (80% of RAM)
 * @param connections DuckDB connections kept open for reuse (more fragments than this still run,
 *     on fresh connections)
 * @param batchRows rows per Arrow record batch streamed
 * @param defaultTimeLimitMillis time limit of a fragment that sets none; 0 = none
 * @param defaultMemoryLimitBytes Arrow memory limit of a fragment that sets none
 * @param advertise the host name the worker gives in its messages and health (how the czar
 *     reaches it), or null for {@code host} (or this machine's name when {@code host} is a
 *     wildcard address)
 */
public record WorkerConfig(Path store, String host, int port, int duckdbThreads,
    String duckdbMemoryLimit, int connections, int batchRows, long defaultTimeLimitMillis,
    long defaultMemoryLimitBytes, String advertise) {

  public WorkerConfig {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535 || duckdbThreads < 0 || connections < 1 || batchRows < 1
        || defaultTimeLimitMillis < 0 || defaultMemoryLimitBytes < 1) {
      throw new IllegalArgumentException("invalid worker configuration: port " + port
          + ", threads " + duckdbThreads + ", connections " + connections + ", batch rows "
          + batchRows + ", time limit " + defaultTimeLimitMillis + ", memory limit "
          + defaultMemoryLimitBytes);
    }
  }

  /** Loopback, a free port, DuckDB's thread and memory defaults, 10-minute fragments, 1 GiB. */
  public static WorkerConfig defaults(Path store) {
    return new WorkerConfig(store, "127.0.0.1", 0, 0, null, 8, 16_384, 600_000, 1L << 30,
        null);
  }

  public WorkerConfig withPort(int p) {
    return new WorkerConfig(store, host, p, duckdbThreads, duckdbMemoryLimit, connections,
        batchRows, defaultTimeLimitMillis, defaultMemoryLimitBytes, advertise);
  }

  /** The name messages use for this worker's host. */
  public String advertisedHost() {
    if (advertise != null) {
      return advertise;
    }
    if (host.equals("0.0.0.0") || host.equals("::")) {
      try {
        return java.net.InetAddress.getLocalHost().getHostName();
      } catch (java.net.UnknownHostException e) {
        return host;
      }
    }
    return host;
  }

  public WorkerConfig withAdvertise(String name) {
    return new WorkerConfig(store, host, port, duckdbThreads, duckdbMemoryLimit, connections,
        batchRows, defaultTimeLimitMillis, defaultMemoryLimitBytes, name);
  }

  public WorkerConfig withHost(String h) {
    return new WorkerConfig(store, h, port, duckdbThreads, duckdbMemoryLimit, connections,
        batchRows, defaultTimeLimitMillis, defaultMemoryLimitBytes, advertise);
  }

  public WorkerConfig withDuckdb(int threads, String memoryLimit) {
    return new WorkerConfig(store, host, port, threads, memoryLimit, connections, batchRows,
        defaultTimeLimitMillis, defaultMemoryLimitBytes, advertise);
  }

  public WorkerConfig withBatchRows(int rows) {
    return new WorkerConfig(store, host, port, duckdbThreads, duckdbMemoryLimit, connections,
        rows, defaultTimeLimitMillis, defaultMemoryLimitBytes, advertise);
  }

  public WorkerConfig withLimits(long timeMillis, long memoryBytes) {
    return new WorkerConfig(store, host, port, duckdbThreads, duckdbMemoryLimit, connections,
        batchRows, timeMillis, memoryBytes, advertise);
  }
}
