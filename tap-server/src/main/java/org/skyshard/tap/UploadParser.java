package org.skyshard.tap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.skyshard.schema.FelisType;
import org.skyshard.tap.engine.ResultColumn;
import org.skyshard.tap.engine.UploadTable;
import uk.ac.starlink.table.ColumnInfo;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StarTableFactory;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.FileDataSource;

/**
 * Reads the tables named by a TAP UPLOAD parameter ({@code name,uri;name2,uri2}, DALI 1.1
 * section 3.4): {@code param:field} is a file of the multipart request, {@code http(s)://} is
 * fetched if the {@link UploadUrlPolicy} allows its host, within a time limit. Each is parsed as a
 * VOTable by STIL, within the configured byte and row limits.
 */
public final class UploadParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private static final int MAX_REDIRECTS = 5;
  private final long maxBytes;
  private final long maxRows;
  private final UploadUrlPolicy policy;
  private final Duration fetchTimeout;
  private final HttpClient http;

  /** A parser fetching URLs of public hosts only, each within 30 s. */
  public UploadParser(long maxBytes, long maxRows) {
    this(maxBytes, maxRows, UploadUrlPolicy.of(List.of()), Duration.ofSeconds(30));
  }

  /**
   * @param maxBytes the largest table, in bytes
   * @param maxRows the most rows of a table
   * @param policy which hosts a URL may name (each redirect is checked too)
   * @param fetchTimeout the longest fetching one table may take, from connecting to the last byte
   */
  public UploadParser(long maxBytes, long maxRows, UploadUrlPolicy policy, Duration fetchTimeout) {
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
    this.policy = policy;
    this.fetchTimeout = fetchTimeout;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(fetchTimeout).build();
  }

  /** The names and URIs of an UPLOAD value, checked but not yet read. */
  public List<String[]> split(String upload) {
    List<String[]> out = new ArrayList<>();
    if (upload == null || upload.isBlank()) {
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (String pair : upload.split(";")) {
      if (pair.isBlank()) {
        continue;
      }
      int comma = pair.indexOf(',');
      if (comma < 0) {
        throw Messages.badUpload("'" + pair.strip() + "' is not of the form name,URI");
      }
      String name = pair.substring(0, comma).strip();
      String uri = pair.substring(comma + 1).strip();
      if (!NAME.matcher(name).matches()) {
        throw Messages.badUploadName(name);
      }
      if (!seen.add(name.toLowerCase(Locale.ROOT))) {
        throw Messages.badUpload("table name " + name + " is used twice");
      }
      if (!uri.startsWith("param:") && !uri.startsWith("http://") && !uri.startsWith("https://")) {
        throw Messages.badUpload("URI " + uri + " of " + name + ": use param:NAME or http(s)://");
      }
      out.add(new String[] {name, uri});
    }
    return out;
  }

  /**
   * Reads every table of {@code upload}; {@code paramFile} finds the file of a multipart field
   * (null when there is none).
   */
  public List<UploadTable> read(String upload, Function<String, Path> paramFile, Path tmpDir) {
    List<UploadTable> tables = new ArrayList<>();
    for (String[] nameUri : split(upload)) {
      String name = nameUri[0];
      String uri = nameUri[1];
      Path file;
      boolean fetched = false;
      if (uri.startsWith("param:")) {
        file = paramFile.apply(uri.substring(6));
        if (file == null) {
          throw Messages.badUpload("no multipart field " + uri.substring(6) + " for table " + name);
        }
      } else {
        file = fetch(name, uri, tmpDir);
        fetched = true;
      }
      try {
        tables.add(parse(name, file));
      } finally {
        if (fetched) {
          try {
            Files.deleteIfExists(file);
          } catch (IOException ignored) {
            // a temp file left behind is harmless
          }
        }
      }
    }
    return tables;
  }

  /**
   * Fetches {@code url} into a temporary file: every host on the way (redirects included) is
   * checked by the policy, the whole fetch must end within the fetch timeout, and the body may
   * not exceed the byte limit.
   */
  private Path fetch(String name, String url, Path tmpDir) {
    long deadline = System.nanoTime() + fetchTimeout.toNanos();
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw Messages.badUpload("bad URI " + url + " of " + name);
    }
    for (int hop = 0; ; hop++) {
      policy.check(name, uri.toString(), uri.getHost());
      HttpResponse<InputStream> r = send(name, url, uri, deadline);
      int status = r.statusCode();
      if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
        close(r.body());
        String location = r.headers().firstValue("Location").orElse(null);
        if (location == null || hop >= MAX_REDIRECTS) {
          throw Messages.uploadFetchFailed(name, url, location == null
              ? "HTTP " + status + " without a Location" : "more than " + MAX_REDIRECTS
                  + " redirects");
        }
        try {
          uri = uri.resolve(new URI(location));
        } catch (URISyntaxException e) {
          throw Messages.uploadFetchFailed(name, url, "redirected to a bad URI " + location);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
          throw Messages.uploadUrlRefused(name, url, "it redirects to " + uri + ", not http(s)");
        }
        continue;
      }
      if (status != 200) {
        close(r.body());
        throw Messages.uploadFetchFailed(name, url, "HTTP " + status);
      }
      long declared = r.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        close(r.body());
        throw Messages.uploadTooLarge(name, maxBytes);
      }
      return copy(name, url, r.body(), tmpDir, deadline);
    }
  }

  private HttpResponse<InputStream> send(String name, String url, URI uri, long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw Messages.uploadFetchTimeout(name, url, fetchTimeout.toSeconds());
    }
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).build();
    } catch (IllegalArgumentException e) {
      throw Messages.badUpload("bad URI " + url + " of " + name);
    }
    CompletableFuture<HttpResponse<InputStream>> f =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    try {
      return f.get(left, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw Messages.uploadFetchTimeout(name, url, fetchTimeout.toSeconds());
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw Messages.uploadFetchFailed(name, url, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException) {
        throw Messages.uploadFetchTimeout(name, url, fetchTimeout.toSeconds());
      }
      String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
      throw Messages.uploadFetchFailed(name, url, why);
    }
  }

  /** Copies the body; at the deadline the body is closed from a timer, which ends the copy. */
  private Path copy(String name, String url, InputStream body, Path tmpDir, long deadline) {
    AtomicBoolean timedOut = new AtomicBoolean();
    AtomicBoolean done = new AtomicBoolean();
    long left = Math.max(1, deadline - System.nanoTime());
    CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> {
      if (!done.get()) {
        timedOut.set(true);
        close(body);
      }
    });
    Path tmp = null;
    try (InputStream in = new LimitedInputStream(body, maxBytes, name)) {
      Files.createDirectories(tmpDir);
      tmp = Files.createTempFile(tmpDir, "upload", ".vot");
      Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      if (timedOut.get()) {
        throw Messages.uploadFetchTimeout(name, url, fetchTimeout.toSeconds());
      }
      return tmp;
    } catch (IOException e) {
      delete(tmp);
      if (timedOut.get()) {
        throw Messages.uploadFetchTimeout(name, url, fetchTimeout.toSeconds());
      }
      throw Messages.uploadFetchFailed(name, url, e.getMessage());
    } catch (RuntimeException e) {
      delete(tmp);
      throw e;
    } finally {
      done.set(true);
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing more to read from it either way
    }
  }

  private static void delete(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }

  private UploadTable parse(String name, Path file) {
    try {
      if (Files.size(file) > maxBytes) {
        throw Messages.uploadTooLarge(name, maxBytes);
      }
      StarTableFactory factory = new StarTableFactory(false);
      factory.setStoragePolicy(StoragePolicy.PREFER_MEMORY);
      StarTable t = factory.makeStarTable(new FileDataSource(file.toFile()), "votable");
      List<ResultColumn> cols = new ArrayList<>();
      FelisType[] types = new FelisType[t.getColumnCount()];
      for (int i = 0; i < types.length; i++) {
        ColumnInfo ci = t.getColumnInfo(i);
        types[i] = felisType(ci.getContentClass());
        cols.add(new ResultColumn(ci.getName(), types[i], types[i].votableArraysize(null),
            ci.getUnitString(), ci.getUCD(), ci.getUtype(), ci.getDescription(), ci.getXtype()));
      }
      List<Object[]> rows = new ArrayList<>();
      try (RowSequence rs = t.getRowSequence()) {
        while (rs.next()) {
          if (rows.size() >= maxRows) {
            throw Messages.uploadTooManyRows(name, maxRows);
          }
          Object[] row = rs.getRow();
          Object[] converted = new Object[types.length];
          for (int i = 0; i < types.length; i++) {
            converted[i] = convert(row[i], types[i]);
          }
          rows.add(converted);
        }
      }
      return new UploadTable(name, cols, rows);
    } catch (IOException e) {
      throw Messages.badUpload("table " + name + " is not a readable VOTable: " + e.getMessage());
    }
  }

  private static FelisType felisType(Class<?> c) {
    if (c == Boolean.class) {
      return FelisType.BOOLEAN;
    } else if (c == Byte.class || c == Short.class) {
      return FelisType.SHORT;
    } else if (c == Integer.class) {
      return FelisType.INT;
    } else if (c == Long.class) {
      return FelisType.LONG;
    } else if (c == Float.class) {
      return FelisType.FLOAT;
    } else if (c == Double.class) {
      return FelisType.DOUBLE;
    }
    return FelisType.STRING;
  }

  private static Object convert(Object v, FelisType t) {
    if (v == null) {
      return null;
    }
    if (t == FelisType.SHORT && v instanceof Number n) {
      return n.shortValue();
    }
    if (t == FelisType.STRING && !(v instanceof String)) {
      return v.getClass().isArray() ? arrayText(v) : v.toString();
    }
    if (v instanceof Double d && d.isNaN() || v instanceof Float f && f.isNaN()) {
      return null;
    }
    return v;
  }

  private static String arrayText(Object array) {
    StringBuilder b = new StringBuilder();
    int n = java.lang.reflect.Array.getLength(array);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        b.append(' ');
      }
      b.append(java.lang.reflect.Array.get(array, i));
    }
    return b.toString();
  }

  /** Stops reading past the limit with a user error. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {
    private final long limit;
    private final String name;
    private long count;

    LimitedInputStream(InputStream in, long limit, String name) {
      super(in);
      this.limit = limit;
      this.name = name;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        check(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int k = super.read(b, off, len);
      if (k > 0) {
        check(k);
      }
      return k;
    }

    private void check(int k) {
      count += k;
      if (count > limit) {
        throw Messages.uploadTooLarge(name, limit);
      }
    }
  }
}
