package org.skyshard.tap.http;

import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of one request, from the query string and the (urlencoded or multipart) body,
 * with case-insensitive names (DALI 1.1 section 3.1) and the order and spelling the client used,
 * plus the files of a multipart body by field name.
 */
public final class TapParameters {
  private final Map<String, String> byUpper = new LinkedHashMap<>();
  private final Map<String, String> original = new LinkedHashMap<>();
  private final Map<String, FileUpload> files = new LinkedHashMap<>();

  /** The parameters of {@code ctx}'s request (after the body handler has run). */
  public static TapParameters of(RoutingContext ctx) {
    TapParameters p = new TapParameters();
    ctx.request().params().forEach(e -> p.put(e.getKey(), e.getValue()));
    if (ctx.request().isExpectMultipart() || hasForm(ctx)) {
      ctx.request().formAttributes().forEach(e -> p.put(e.getKey(), e.getValue()));
    }
    for (FileUpload f : ctx.fileUploads()) {
      p.files.put(f.name(), f);
    }
    return p;
  }

  private static boolean hasForm(RoutingContext ctx) {
    String ct = ctx.request().getHeader("Content-Type");
    return ct != null && (ct.startsWith("application/x-www-form-urlencoded")
        || ct.startsWith("multipart/form-data"));
  }

  /** Adds a parameter; the first value of a name wins, as DALI allows for single-valued ones. */
  public void put(String name, String value) {
    String upper = name.toUpperCase(Locale.ROOT);
    if (!byUpper.containsKey(upper)) {
      byUpper.put(upper, value);
      original.put(name, value);
    }
  }

  /** The value of a parameter by any spelling of its name, or null. */
  public String get(String name) {
    return byUpper.get(name.toUpperCase(Locale.ROOT));
  }

  /** True when the parameter was given. */
  public boolean has(String name) {
    return byUpper.containsKey(name.toUpperCase(Locale.ROOT));
  }

  /** Every parameter as the client spelled it, in order (for the UWS job document). */
  public Map<String, String> asGiven() {
    return new LinkedHashMap<>(original);
  }

  /** The uploaded file of a multipart field, or null. */
  public FileUpload file(String field) {
    return files.get(field);
  }

  /** The multipart field names that carried files. */
  public List<String> fileFields() {
    return new ArrayList<>(files.keySet());
  }
}
