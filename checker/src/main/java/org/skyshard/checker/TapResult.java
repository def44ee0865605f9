package org.skyshard.checker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of a TAP service to one synchronous ADQL query, fetched as CSV: the header and
 * the rows as text, or the error the service gave.
 *
 * @param header the column names (empty on error)
 * @param rows the rows (empty on error)
 * @param error null on success, else the first line of the service's error
 */
record TapResult(List<String> header, List<List<String>> rows, String error) {
  /** Runs {@code adql} on the TAP service at {@code base} ({@code .../sync}). */
  static TapResult run(HttpClient http, String site, URI base, String adql) {
    String form = "LANG=ADQL&REQUEST=doQuery&RESPONSEFORMAT=csv&QUERY="
        + URLEncoder.encode(adql, StandardCharsets.UTF_8);
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create(base + "/sync"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw CheckMessages.unreachable(site, base, "connection refused");
    } catch (IOException e) {
      throw CheckMessages.unreachable(site, base, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException("interrupted", e);
    }
    String ct = r.headers().firstValue("Content-Type").orElse("");
    if (r.statusCode() != 200 || !ct.startsWith("text/csv")) {
      return new TapResult(List.of(), List.of(), "HTTP " + r.statusCode() + ": "
          + errorLine(r.body()));
    }
    List<List<String>> lines = csv(r.body());
    if (lines.isEmpty()) {
      return new TapResult(List.of(), List.of(), "an empty CSV answer");
    }
    return new TapResult(lines.get(0), lines.subList(1, lines.size()), null);
  }

  /** The INFO QUERY_STATUS=ERROR text of a DALI error VOTable, or the first line. */
  private static String errorLine(String body) {
    int i = body.indexOf("QUERY_STATUS");
    if (i >= 0) {
      int gt = body.indexOf('>', i);
      int lt = gt < 0 ? -1 : body.indexOf('<', gt);
      if (gt >= 0 && lt > gt) {
        return body.substring(gt + 1, lt).strip();
      }
    }
    return body.lines().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("");
  }

  /** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
  static List<List<String>> csv(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            f.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        row.add(f.toString());
        f.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || f.length() > 0) {
          row.add(f.toString());
          out.add(row);
        }
        row = new ArrayList<>();
        f.setLength(0);
        any = false;
      } else {
        f.append(c);
        any = true;
      }
    }
    if (any || f.length() > 0) {
      row.add(f.toString());
      out.add(row);
    }
    return out;
  }
}
