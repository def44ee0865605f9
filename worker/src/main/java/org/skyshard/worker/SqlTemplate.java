package org.skyshard.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fragment's SQL split into text and placeholders ({@code {{chunk:T}}}, {@code {{narrow:T}}},
 * {@code {{margin:T}}}, {@code {{table:T}}}, {@code {{upload:name}}}, {@code {{chunkOrder}}},
 * {@code {{chunkPixel}}}),
 * parsed once per fragment and rendered once per chunk by a {@link Resolver}.
 */
public final class SqlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*(?::\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*)?}}");

  /** The kinds of placeholder. */
  public enum Kind { CHUNK, NARROW, MARGIN, TABLE, UPLOAD, CHUNK_ORDER, CHUNK_PIXEL }

  /** One placeholder: its kind and the table or upload it names (null for order/pixel). */
  public record Placeholder(Kind kind, String name) {}

  /** Turns placeholders into SQL for one chunk (null: no chunk). */
  public interface Resolver {
    String resolve(Placeholder p, ChunkId chunk);
  }

  private final List<Object> parts;

  private SqlTemplate(List<Object> parts) {
    this.parts = parts;
  }

  /** Parses fragment SQL; {@link IllegalArgumentException} naming an unknown placeholder. */
  public static SqlTemplate parse(String sql) {
    List<Object> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(sql);
    int at = 0;
    while (m.find()) {
      parts.add(sql.substring(at, m.start()));
      parts.add(placeholder(m.group(1), m.group(2), m.group()));
      at = m.end();
    }
    String rest = sql.substring(at);
    int stray = rest.indexOf("{{");
    if (stray >= 0 || parts.stream().anyMatch(p -> p instanceof String s && s.contains("{{"))) {
      throw new IllegalArgumentException("malformed placeholder in fragment SQL near "
          + excerpt(sql, sql.indexOf("{{", stray >= 0 ? at + stray : 0)));
    }
    parts.add(rest);
    return new SqlTemplate(List.copyOf(parts));
  }

  private static Placeholder placeholder(String kind, String name, String text) {
    Kind k = switch (kind) {
      case "chunk" -> Kind.CHUNK;
      case "narrow" -> Kind.NARROW;
      case "margin" -> Kind.MARGIN;
      case "table" -> Kind.TABLE;
      case "upload" -> Kind.UPLOAD;
      case "chunkOrder" -> Kind.CHUNK_ORDER;
      case "chunkPixel" -> Kind.CHUNK_PIXEL;
      default -> throw new IllegalArgumentException("unknown placeholder " + text
          + " (expected chunk:T, narrow:T, margin:T, table:T, upload:name, chunkOrder, chunkPixel)");
    };
    boolean named = k != Kind.CHUNK_ORDER && k != Kind.CHUNK_PIXEL;
    if (named != (name != null)) {
      throw new IllegalArgumentException("placeholder " + text
          + (named ? " needs a name, as in {{" + kind + ":Object}}" : " takes no name"));
    }
    return new Placeholder(k, name);
  }

  /** The placeholders, in order of appearance. */
  public List<Placeholder> placeholders() {
    return parts.stream().filter(p -> p instanceof Placeholder).map(p -> (Placeholder) p)
        .toList();
  }

  /** The SQL for one chunk. */
  public String render(Resolver r, ChunkId chunk) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      sb.append(p instanceof Placeholder ph ? r.resolve(ph, chunk) : (String) p);
    }
    return sb.toString();
  }

  private static String excerpt(String sql, int at) {
    int from = Math.max(0, at);
    return "'" + sql.substring(from, Math.min(sql.length(), from + 30)) + "'";
  }
}
