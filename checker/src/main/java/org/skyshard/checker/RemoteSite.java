package org.skyshard.checker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.skyshard.checker.SiteProtocol.CellsRequest;
import org.skyshard.checker.SiteProtocol.PrintsRequest;
import org.skyshard.checker.SiteProtocol.RowsRequest;
import org.skyshard.checker.SiteProtocol.WireRow;

/**
 * A site behind a service URL (the TAP base URL of {@code ./skyshard serve}, or a
 * {@link SiteServer}): every call is a POST to its replica-check extension
 * ({@link SiteProtocol}), which computes the answer where the data is. Counts the bytes it
 * really received ({@link #bytesReceived()}).
 */
public final class RemoteSite implements Site {
  private static final Duration CONNECT = Duration.ofSeconds(10);

  private final String name;
  private final String label;
  private final URI base;
  private final HttpClient http;
  private final AtomicLong received = new AtomicLong();
  private SiteStructure structure;

  private RemoteSite(String name, URI base, HttpClient http) {
    this.name = name;
    this.label = name + " (" + base + ")";
    this.base = base;
    this.http = http;
  }

  /**
   * Opens site {@code name} (A or B) at {@code url} and reads its structure, so that a site
   * that is down or offers no replica-check extension fails here.
   *
   * @throws CheckException when the site cannot be reached or does not answer the protocol
   */
  public static RemoteSite open(String name, URI url) {
    String s = url.toString();
    URI base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    // HTTP/1.1: the JDK client's h2c upgrade is reset by the TAP service (Vert.x)
    RemoteSite site = new RemoteSite(name, base, HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build());
    site.structure();
    return site;
  }

  /** True when {@code spec} names a site by URL rather than by directory. */
  public static boolean isUrl(String spec) {
    return spec.startsWith("http://") || spec.startsWith("https://");
  }

  @Override
  public String label() {
    return label;
  }

  /** Bytes of answers received so far. */
  public long bytesReceived() {
    return received.get();
  }

  @Override
  public synchronized SiteStructure structure() {
    if (structure == null) {
      SiteStructure s = call(SiteProtocol.STRUCTURE, null, new TypeReference<>() {});
      structure = new SiteStructure(label, s.schemaName(), s.schemaVersion(), s.tables());
    }
    return structure;
  }

  @Override
  public List<Cell> cells(String table, int order, int parentOrder, Collection<Long> parents) {
    if (parents != null && parents.isEmpty()) {
      return List.of();
    }
    List<long[]> raw = call(SiteProtocol.CELLS,
        CellsRequest.of(table, order, parentOrder, parents), new TypeReference<>() {});
    List<Cell> out = new ArrayList<>(raw.size());
    raw.forEach(c -> out.add(new Cell(c[0], c[1], c[2])));
    return out;
  }

  @Override
  public List<RowPrint> rowPrints(String table, int order, Collection<Long> cells) {
    if (cells.isEmpty()) {
      return List.of();
    }
    JsonNode raw = call(SiteProtocol.ROW_PRINTS,
        new PrintsRequest(table, order, List.copyOf(cells)), new TypeReference<>() {});
    List<RowPrint> out = new ArrayList<>(raw.size());
    raw.forEach(p -> out.add(new RowPrint(p.get(0).asText(), p.get(1).asLong())));
    return out;
  }

  @Override
  public List<SiteRow> rows(String table, Collection<String> keys) {
    List<WireRow> raw = call(SiteProtocol.ROWS, new RowsRequest(table, List.copyOf(keys)),
        new TypeReference<>() {});
    List<SiteRow> out = new ArrayList<>(raw.size());
    for (WireRow r : raw) {
      List<Object> values = new ArrayList<>(r.values().size());
      r.values().forEach(v -> values.add(WireValues.decode(v)));
      out.add(new SiteRow(r.key(), values));
    }
    return out;
  }

  @Override
  public void close() {
    // HttpClient holds no resource to free before Java 21
  }

  private <T> T call(String call, Object request, TypeReference<T> type) {
    URI uri = URI.create(base + SiteProtocol.PATH + call);
    HttpResponse<byte[]> r;
    try {
      byte[] body = request == null ? new byte[0]
          : SiteProtocol.JSON.writeValueAsBytes(request);
      r = http.send(HttpRequest.newBuilder(uri).header("Content-Type",
          SiteEndpoint.Reply.CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw CheckMessages.unreachable(name, base, "connection refused");
    } catch (HttpTimeoutException e) {
      throw CheckMessages.unreachable(name, base, "no answer within " + CONNECT.toSeconds()
          + " s");
    } catch (IOException e) {
      throw CheckMessages.unreachable(name, base, e.getMessage() == null
          ? e.getClass().getSimpleName() : e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException("interrupted", e);
    }
    received.addAndGet(r.body().length);
    if (r.statusCode() == 404 && call.equals(SiteProtocol.STRUCTURE)) {
      throw CheckMessages.noCheckExtension(name, base);
    }
    if (r.statusCode() != 200) {
      throw CheckMessages.remoteFailed(name, call, r.statusCode(), errorOf(r.body()));
    }
    try {
      return SiteProtocol.JSON.readValue(r.body(), type);
    } catch (IOException e) {
      throw CheckMessages.remoteFailed(name, call, r.statusCode(), "unreadable answer: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static String errorOf(byte[] body) {
    try {
      JsonNode n = SiteProtocol.JSON.readTree(body);
      if (n != null && n.hasNonNull("error")) {
        return n.get("error").asText();
      }
    } catch (IOException e) {
      // not JSON: say so below
    }
    return body.length == 0 ? "no message" : "an answer that is not the replica-check protocol";
  }
}
