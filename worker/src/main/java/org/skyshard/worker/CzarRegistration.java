package org.skyshard.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A worker announcing itself to its czar: {@code POST <czar>/ext/cluster/register} with its
 * address and the cluster key, at start and then every {@code periodMillis}, so that a czar
 * started later or restarted picks it up within that time. The czar answers 200 once it has
 * reached the worker; anything else is logged (once per change of outcome) and retried.
 */
public final class CzarRegistration implements AutoCloseable {
  private final URI endpoint;
  private final String body;
  private final Consumer<String> log;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "skyshard-czar-registration");
    t.setDaemon(true);
    return t;
  });
  private volatile String last = "";
  private volatile boolean registered;

  /**
   * @param czarUrl the czar's TAP base URL, e.g. {@code http://czar:8080/tap}
   * @param address how the czar reaches this worker, {@code host:port}
   * @param key the cluster key the czar was started with
   * @param log where outcomes go (one line each)
   */
  public CzarRegistration(String czarUrl, String address, String key, Consumer<String> log) {
    String base = czarUrl.endsWith("/") ? czarUrl.substring(0, czarUrl.length() - 1) : czarUrl;
    this.endpoint = URI.create(base + "/ext/cluster/register");
    this.body = new ObjectMapper().createObjectNode().put("address", address).put("key", key)
        .toString();
    this.log = log;
  }

  /** Registers now and every {@code periodMillis} from then on. */
  public CzarRegistration start(long periodMillis) {
    timer.scheduleWithFixedDelay(this::announce, 0, periodMillis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Whether the czar's last answer accepted this worker. */
  public boolean registered() {
    return registered;
  }

  private void announce() {
    String outcome;
    boolean ok = false;
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(endpoint)
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      ok = r.statusCode() == 200;
      outcome = ok ? "registered with the czar at " + endpoint
          : "the czar at " + endpoint + " refused the registration (HTTP " + r.statusCode()
              + "): " + r.body().strip();
    } catch (java.io.IOException e) {
      outcome = "cannot reach the czar at " + endpoint + ": " + (e.getMessage() != null
          ? e.getMessage() : e.getClass().getSimpleName()) + " (retrying)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    registered = ok;
    if (!outcome.equals(last)) {
      last = outcome;
      log.accept(outcome);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
