package org.skyshard.cli.serve;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.serving.ScanLane;
import org.skyshard.tap.TapConfig;
import picocli.CommandLine.Option;

/**
 * The options of a command that serves a store over TAP ({@code serve}, {@code demo}), mixed in
 * with picocli's {@code @Mixin}: where it listens, where the job database and result files live,
 * who may use it and how long a query may run.
 */
public final class ServingOptions {
  @Option(names = "--port", defaultValue = "8080", paramLabel = "P",
      description = "HTTP port (0 picks a free one; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDR",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Job database and result files (default STORE/tap).")
  Path workDir;

  @Option(names = "--jobs-db", paramLabel = "JDBC-URL",
      description = "UWS job database (default an embedded H2 database in the work directory;"
          + " e.g. jdbc:postgresql://host/db).")
  String jobsDb;

  @Option(names = "--jobs-db-user", paramLabel = "USER") String jobsDbUser;

  @Option(names = "--jobs-db-password", paramLabel = "PASSWORD") String jobsDbPassword;

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "Bearer token file (token user per line); without it access is anonymous.")
  Path tokens;

  @Option(names = "--query-timeout", defaultValue = "3600", paramLabel = "SECONDS",
      description = "Longest a distributed query may run (default ${DEFAULT-VALUE}).")
  long queryTimeout;

  @Option(names = "--upload-hosts", split = ",", paramLabel = "PATTERN",
      description = "The only hosts an UPLOAD by URL may be fetched from: host names,"
          + " *.domain, IP addresses or CIDR blocks (e.g. data.example.org,10.1.0.0/16)."
          + " Default: any host whose addresses are all public (no loopback, link-local,"
          + " private or multicast address).")
  List<String> uploadHosts = new ArrayList<>();

  @Option(names = "--upload-timeout", defaultValue = "30", paramLabel = "SECONDS",
      description = "Longest fetching one uploaded table by URL may take"
          + " (default ${DEFAULT-VALUE}).")
  long uploadTimeout;

  @Option(names = "--query-threads", defaultValue = "16", paramLabel = "N",
      description = "Queries run (or wait for a scan slot) at once; more wait in line"
          + " (default ${DEFAULT-VALUE}).")
  int queryThreads;

  @Option(names = "--scan-slots", defaultValue = "1", paramLabel = "N",
      description = "Scans (queries over at least --scan-chunks chunks) that run at once; the"
          + " others wait their turn, so that small queries keep a short latency"
          + " (default ${DEFAULT-VALUE}).")
  int scanSlots;

  @Option(names = "--scan-chunks", defaultValue = "8", paramLabel = "N",
      description = "Chunks from which a query counts as a scan (default ${DEFAULT-VALUE}).")
  int scanChunks;

  /** The TAP configuration for serving {@code store} with these options. */
  TapConfig config(Path store) {
    TapConfig config = config(store, workDir, host, port);
    if (jobsDb != null) {
      config = config.withJobDb(jobsDb, jobsDbUser, jobsDbPassword);
    }
    if (tokens != null) {
      config = config.withTokenFile(tokens);
    }
    return config.withQueryThreads(queryThreads).withUploadUrlAllow(uploadHosts)
        .withUploadFetchTimeout(Duration.ofSeconds(uploadTimeout));
  }

  /** How scans take turns. */
  ScanLane scanLane() {
    return new ScanLane(scanSlots, scanChunks);
  }

  /** The longest a distributed query may run. */
  Duration queryTimeout() {
    return Duration.ofSeconds(queryTimeout);
  }

  /**
   * The default TAP configuration for serving {@code store} at {@code host:port}, with its work
   * directory in {@code workDir}, or beside the store when null.
   */
  static TapConfig config(Path store, Path workDir, String host, int port) {
    Path dir = workDir != null ? workDir : TapService.workDir(store);
    return TapConfig.defaults(dir).withHost(host).withPort(port);
  }
}
