package org.skyshard.checker;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The query-level check: every query of a {@link QuerySet} runs on both sites' TAP services
 * and the answers are compared: the columns, then the rows as multisets, or as sequences when
 * the query has ORDER BY. Floating-point values compare to {@link #SIGNIFICANT} significant
 * digits (so last-digit differences of a different summation order are not alarms); integers
 * and text exactly. Both sites refusing a query agree; one refusing it is a difference. A query
 * with TOP but no ORDER BY may pick any rows: only the row counts compare.
 */
public final class QueryCheck {
  /** Significant digits to which non-integer numbers are compared. */
  public static final int SIGNIFICANT = 9;
  private static final int SAMPLE = 5;
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final MathContext DIGITS = new MathContext(SIGNIFICANT);

  // HTTP/1.1: the JDK client's h2c upgrade is reset by the TAP service (Vert.x)
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  private final URI a;
  private final URI b;
  private final PrintStream progress;

  /** Compares the TAP services at base URLs {@code a} and {@code b}. */
  public QueryCheck(URI a, URI b, PrintStream progress) {
    this.a = strip(a);
    this.b = strip(b);
    this.progress = progress;
  }

  /** Runs every query on both sites; one difference per query whose answers differ. */
  public List<Difference> run(QuerySet set) {
    List<Difference> out = new ArrayList<>();
    int i = 0;
    for (QuerySet.Query q : set.queries()) {
      i++;
      TapResult ra = TapResult.run(http, "A", a, q.adql());
      TapResult rb = TapResult.run(http, "B", b, q.adql());
      String why = compare(q, ra, rb);
      if (why != null) {
        out.add(new Difference(Difference.Kind.QUERY, null, q.id(), List.of(), why
            + "; query: " + q.adql()));
      }
      if (progress != null) {
        progress.println("check: query " + i + "/" + set.queries().size() + " " + q.id() + ": "
            + (why == null ? "same" : "differs"));
      }
    }
    if (progress != null && set.skipped() > 0) {
      progress.println("check: " + set.skipped() + " queries skipped (placeholders)");
    }
    return out;
  }

  /** Why the two answers differ, or null when they agree. */
  static String compare(QuerySet.Query q, TapResult ra, TapResult rb) {
    if (ra.error() != null || rb.error() != null) {
      if (ra.error() != null && rb.error() != null) {
        return null;
      }
      return ra.error() != null ? "fails on A (" + ra.error() + "), answers "
          + rb.rows().size() + " rows on B" : "answers " + ra.rows().size()
          + " rows on A, fails on B (" + rb.error() + ")";
    }
    if (!ra.header().equals(rb.header())) {
      return "columns differ: A " + ra.header() + ", B " + rb.header();
    }
    if (q.arbitrary()) {
      return ra.rows().size() == rb.rows().size() ? null : "TOP without ORDER BY: A "
          + ra.rows().size() + " rows, B " + rb.rows().size();
    }
    List<String> ca = canonical(ra.rows());
    List<String> cb = canonical(rb.rows());
    if (q.ordered()) {
      if (ca.equals(cb)) {
        return null;
      }
      int first = 0;
      while (first < Math.min(ca.size(), cb.size()) && ca.get(first).equals(cb.get(first))) {
        first++;
      }
      return "ordered rows differ from row " + (first + 1) + " (A " + ca.size() + " rows, B "
          + cb.size() + "): A " + (first < ca.size() ? ca.get(first) : "(no row)") + ", B "
          + (first < cb.size() ? cb.get(first) : "(no row)");
    }
    Map<String, Integer> count = new HashMap<>();
    ca.forEach(r -> count.merge(r, 1, Integer::sum));
    cb.forEach(r -> count.merge(r, -1, Integer::sum));
    List<String> onlyA = new ArrayList<>();
    List<String> onlyB = new ArrayList<>();
    count.forEach((row, n) -> {
      for (int k = 0; k < Math.abs(n); k++) {
        (n > 0 ? onlyA : onlyB).add(row);
      }
    });
    if (onlyA.isEmpty() && onlyB.isEmpty()) {
      return null;
    }
    onlyA.sort(null);
    onlyB.sort(null);
    return "rows differ (A " + ca.size() + ", B " + cb.size() + "): " + onlyA.size()
        + " only on A " + sample(onlyA) + ", " + onlyB.size() + " only on B " + sample(onlyB);
  }

  private static String sample(List<String> rows) {
    return rows.subList(0, Math.min(SAMPLE, rows.size())).toString();
  }

  private static List<String> canonical(List<List<String>> rows) {
    List<String> out = new ArrayList<>(rows.size());
    for (List<String> r : rows) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < r.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(value(r.get(i)));
      }
      out.add(sb.append(')').toString());
    }
    return out;
  }

  /** A value as compared: integers and text as they are, other numbers rounded. */
  static String value(String v) {
    if (v.isEmpty() || INTEGER.matcher(v).matches()) {
      return v;
    }
    char c = v.charAt(0);
    if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.')) {
      return v;
    }
    try {
      return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toString();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  private static URI strip(URI u) {
    String s = u.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }
}
