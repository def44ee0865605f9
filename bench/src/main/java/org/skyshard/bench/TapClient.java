package org.skyshard.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.TableSink;
import uk.ac.starlink.votable.VOTableBuilder;

/**
 * A TAP client as TOPCAT and pyvo use the service: a synchronous ADQL query POSTed over HTTP,
 * the VOTable BINARY2 answer parsed with STIL row by row (every value decoded).
 */
final class TapClient {
  /** Larger than any result of the mix, so MAXREC never truncates. */
  static final long MAXREC = 2_000_000;
  private final HttpClient http;
  private final URI sync;

  TapClient(String serviceUrl) {
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    this.sync = URI.create(serviceUrl + "/sync");
  }

  /** Runs {@code adql} and returns the number of rows of the VOTable it answered with. */
  long rows(String adql) throws IOException, InterruptedException {
    String form = "REQUEST=doQuery&LANG=ADQL&FORMAT=" + enc("votable/b2") + "&MAXREC=" + MAXREC
        + "&QUERY=" + enc(adql);
    HttpRequest req = HttpRequest.newBuilder(sync)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream in = resp.body()) {
      if (resp.statusCode() != 200) {
        String body = new String(in.readNBytes(2000), StandardCharsets.UTF_8);
        throw new IOException("HTTP " + resp.statusCode() + ": " + errorText(body));
      }
      Counter counter = new Counter();
      // STIL closes what it reads: keep the response open to read the trailing INFOs too
      new VOTableBuilder().streamStarTable(new FilterInputStream(in) {
        @Override
        public void close() {
          // closed by the try-with-resources below
        }
      }, counter, null);
      in.transferTo(OutputStream.nullOutputStream());
      return counter.rows;
    }
  }

  private static String errorText(String body) {
    int i = body.indexOf("QUERY_STATUS");
    return (i >= 0 ? body.substring(i) : body).replaceAll("\\s+", " ").strip();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static final class Counter implements TableSink {
    long rows;

    @Override
    public void acceptMetadata(StarTable meta) {
      // the FIELDs are parsed by STIL; the bench only counts rows
    }

    @Override
    public void acceptRow(Object[] row) {
      rows++;
    }

    @Override
    public void endRows() {
      // nothing to flush
    }
  }
}
