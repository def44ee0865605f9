package org.skyshard.tap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a {@link TapServer} needs to be told. {@link #defaults(Path)} gives a working
 * configuration under one work directory; the {@code with*} methods change one thing.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one ({@link TapServer#port()} tells which)
 * @param basePath the URL path the service lives under ({@code /tap})
 * @param publicUrl the service URL as clients reach it, or null to derive it from each request
 * @param maxrecDefault MAXREC when the client gives none
 * @param maxrecLimit the largest MAXREC honoured; larger requests are cut to it
 * @param resultsDir where async results are stored
 * @param jobDbUrl JDBC URL of the job store ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
 * @param jobDbUser job store user, or null
 * @param jobDbPassword job store password, or null
 * @param uploadMaxBytes largest accepted upload, per table
 * @param uploadMaxRows largest accepted upload row count, per table
 * @param authMode anonymous, or bearer tokens from {@code tokenFile} or the job database
 * @param tokenFile lines {@code token user}, for {@link AuthMode#TOKEN_FILE}
 * @param executionDuration default and largest execution duration of an async job
 * @param destruction how long after creation an async job and its results are kept
 * @param sweepInterval how often expired jobs are destroyed
 * @param queryThreads worker threads running queries and writing results
 * @param uploadUrlAllow the hosts an UPLOAD by URL may be fetched from ({@link UploadUrlPolicy}
 *     patterns: {@code host}, {@code *.domain}, an IP address or a CIDR block); empty means any
 *     host whose addresses are all public (not loopback, link-local, private or multicast)
 * @param uploadFetchTimeout the longest fetching one uploaded table by URL may take
 */
public record TapConfig(
    String host,
    int port,
    String basePath,
    String publicUrl,
    long maxrecDefault,
    long maxrecLimit,
    Path resultsDir,
    String jobDbUrl,
    String jobDbUser,
    String jobDbPassword,
    long uploadMaxBytes,
    long uploadMaxRows,
    AuthMode authMode,
    Path tokenFile,
    Duration executionDuration,
    Duration destruction,
    Duration sweepInterval,
    int queryThreads,
    List<String> uploadUrlAllow,
    Duration uploadFetchTimeout) {

  /** How callers are identified. */
  public enum AuthMode {
    /** Everybody is the anonymous user. */
    ANONYMOUS,
    /** {@code Authorization: Bearer <token>} maps to a user through the token file; no header is anonymous. */
    TOKEN_FILE,
    /** As TOKEN_FILE, from table {@code tap_token(token, user_id)} of the job database. */
    TOKEN_TABLE
  }

  public TapConfig {
    if (!basePath.startsWith("/") || basePath.endsWith("/")) {
      throw new IllegalArgumentException("basePath must start with '/' and not end with it: " + basePath);
    }
    if (maxrecDefault < 0 || maxrecLimit < maxrecDefault) {
      throw new IllegalArgumentException("need 0 <= maxrecDefault <= maxrecLimit");
    }
    if (authMode == AuthMode.TOKEN_FILE && tokenFile == null) {
      throw new IllegalArgumentException("authMode TOKEN_FILE needs a tokenFile");
    }
    if (queryThreads < 1) {
      throw new IllegalArgumentException("queryThreads must be at least 1");
    }
    uploadUrlAllow = List.copyOf(uploadUrlAllow);
    UploadUrlPolicy.of(uploadUrlAllow);
    if (uploadFetchTimeout.isNegative() || uploadFetchTimeout.isZero()) {
      throw new IllegalArgumentException("uploadFetchTimeout must be positive");
    }
  }

  /** Defaults: port 8080 on all interfaces, {@code /tap}, H2 job store and results under {@code workDir}. */
  public static TapConfig defaults(Path workDir) {
    return new TapConfig("0.0.0.0", 8080, "/tap", null, 100_000, 10_000_000,
        workDir.resolve("results"), "jdbc:h2:file:" + workDir.resolve("jobs").toAbsolutePath(),
        null, null, 16L << 20, 1_000_000, AuthMode.ANONYMOUS, null, Duration.ofHours(1),
        Duration.ofDays(7), Duration.ofMinutes(1), 4, List.of(), Duration.ofSeconds(30));
  }

  public TapConfig withPort(int newPort) {
    return new TapConfig(host, newPort, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withHost(String newHost) {
    return new TapConfig(newHost, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withMaxrec(long newDefault, long newLimit) {
    return new TapConfig(host, port, basePath, publicUrl, newDefault, newLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withJobDb(String url, String user, String password) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        url, user, password, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withUploadLimits(long maxBytes, long maxRows) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, maxBytes, maxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withTokenFile(Path file) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, AuthMode.TOKEN_FILE, file,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withJobTimes(Duration newExecution, Duration newDestruction, Duration newSweep) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        newExecution, newDestruction, newSweep, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  /** Bearer tokens from table {@code tap_token(token, user_id)} of the job database. */
  public TapConfig withTokenTable() {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, AuthMode.TOKEN_TABLE,
        null, executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }

  /** The hosts UPLOAD URLs may name ({@link UploadUrlPolicy} patterns); empty: public addresses. */
  public TapConfig withUploadUrlAllow(List<String> patterns) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, patterns, uploadFetchTimeout);
  }

  public TapConfig withUploadFetchTimeout(Duration timeout) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, timeout);
  }

  public TapConfig withQueryThreads(int threads) {
    return new TapConfig(host, port, basePath, publicUrl, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, threads, uploadUrlAllow, uploadFetchTimeout);
  }

  public TapConfig withPublicUrl(String url) {
    return new TapConfig(host, port, basePath, url, maxrecDefault, maxrecLimit, resultsDir,
        jobDbUrl, jobDbUser, jobDbPassword, uploadMaxBytes, uploadMaxRows, authMode, tokenFile,
        executionDuration, destruction, sweepInterval, queryThreads, uploadUrlAllow, uploadFetchTimeout);
  }
}
