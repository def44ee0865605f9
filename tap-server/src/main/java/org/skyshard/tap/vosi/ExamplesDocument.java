package org.skyshard.tap.vosi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.skyshard.tap.output.Xml;

/**
 * The DALI 1.1 examples document (XHTML with RDFa, section 2.3): the DP0.2 tutorial queries
 * bundled as {@code dp02_examples.tsv}, each with its id, source and note. Queries that hold
 * notebook placeholders ({@code {name}}) are left out, since they are not ADQL as written.
 */
public final class ExamplesDocument {
  /** One example. */
  public record Example(String id, String source, String query, String note) {}

  private static final java.util.regex.Pattern BROKEN = java.util.regex.Pattern.compile(
      "(?i)typo|erroneous|cannot be executed|placeholder tables");
  private final List<Example> examples;

  public ExamplesDocument(List<Example> examples) {
    this.examples = List.copyOf(examples);
  }

  /** The bundled DP0.2 tutorial queries. */
  public static ExamplesDocument bundled() {
    return read(ExamplesDocument.class.getResourceAsStream("/org/skyshard/tap/dp02_examples.tsv"));
  }

  /**
   * Reads examples from a TSV file laid out like {@code dp02_examples.tsv} (id, source, query,
   * note, ...; a header line). Queries with placeholders, and those whose note says the source
   * text is broken or not executable, are left out.
   */
  public static ExamplesDocument read(InputStream tsv) {
    List<Example> list = new ArrayList<>();
    try (InputStream in = tsv;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        String[] f = line.split("\t", -1);
        if (f.length < 4) {
          continue;
        }
        String query = unescape(f[2]);
        if (query.matches("(?s).*\\{[^}]+}.*") || BROKEN.matcher(f[3]).find()) {
          continue;
        }
        list.add(new Example(f[0], f[1], query, unescape(f[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ExamplesDocument(list);
  }

  /** PostgreSQL COPY text escapes: {@code \n}, {@code \t}, {@code \\}. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        b.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** The examples. */
  public List<Example> examples() {
    return examples;
  }

  /** The XHTML document. */
  public String render() {
    StringBuilder b = new StringBuilder(1 << 15);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n")
        .append("<head><title>DP0.2 tutorial queries</title></head>\n")
        .append("<body vocab=\"http://www.ivoa.net/rdf/examples#\">\n")
        .append("<h1>Queries from the Rubin DP0.2 tutorials</h1>\n");
    for (Example e : examples) {
      String id = Xml.escape(e.id());
      b.append("<div id=\"").append(id).append("\" resource=\"#").append(id)
          .append("\" typeof=\"example\">\n")
          .append("<h2 property=\"name\">").append(id).append(": ")
          .append(Xml.escape(e.source())).append("</h2>\n");
      if (!e.note().isBlank()) {
        b.append("<p>").append(Xml.escape(e.note())).append("</p>\n");
      }
      b.append("<pre class=\"dali-example-query\" property=\"query\">")
          .append(Xml.escape(e.query())).append("</pre>\n</div>\n");
    }
    b.append("</body>\n</html>\n");
    return b.toString();
  }
}
