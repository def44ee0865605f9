package org.skyshard.tap;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * fetched. Each is parsed as a VOTable by STIL, within the configured byte and row limits.
 */
public final class UploadParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
  private final long maxBytes;
  private final long maxRows;
  private final HttpClient http = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();

  public UploadParser(long maxBytes, long maxRows) {
    this.maxBytes = maxBytes;
    this.maxRows = maxRows;
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

  private Path fetch(String name, String uri, Path tmpDir) {
    try {
      Files.createDirectories(tmpDir);
      Path tmp = Files.createTempFile(tmpDir, "upload", ".vot");
      HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(uri))
          .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 200) {
        r.body().close();
        throw Messages.badUpload("fetching " + uri + " gave HTTP " + r.statusCode());
      }
      try (InputStream in = new LimitedInputStream(r.body(), maxBytes, name)) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      return tmp;
    } catch (IOException e) {
      throw Messages.badUpload("cannot fetch " + uri + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Messages.badUpload("interrupted while fetching " + uri);
    } catch (IllegalArgumentException e) {
      throw Messages.badUpload("bad URI " + uri);
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
