package org.skyshard.checker;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skyshard.checker.SiteProtocol.CellsRequest;
import org.skyshard.checker.SiteProtocol.PrintsRequest;
import org.skyshard.checker.SiteProtocol.RowsRequest;
import org.skyshard.checker.SiteProtocol.WireRow;

/**
 * The server side of {@link SiteProtocol}: answers one call with this site's own {@link Site}
 * (a {@link LocalStoreSite} over the served store), so digests are computed where the data is.
 * Free of any HTTP library: a service mounts it at {@code <base>/ext/check/:call} (POST) and
 * sends back the {@link Reply} as it is ({@link SiteServer} does so with the JDK's server).
 */
public final class SiteEndpoint {
  private final Site site;

  /** Answers with {@code site}, which stays owned by the caller. */
  public SiteEndpoint(Site site) {
    this.site = site;
  }

  /**
   * An HTTP reply: status, content type {@code application/json}, body.
   *
   * @param status 200, 400 (bad call or request), 404 (no such call) or 500
   * @param body UTF-8 JSON
   */
  public record Reply(int status, byte[] body) {
    public static final String CONTENT_TYPE = "application/json";
  }

  /**
   * Answers {@code call} ({@link SiteProtocol#STRUCTURE}, {@code CELLS}, {@code ROW_PRINTS} or
   * {@code ROWS}) with the JSON request {@code body} (may be empty for {@code structure}).
   */
  public Reply answer(String call, byte[] body) {
    try {
      Object out = switch (call) {
        case SiteProtocol.STRUCTURE -> site.structure();
        case SiteProtocol.CELLS -> cells(read(body, CellsRequest.class));
        case SiteProtocol.ROW_PRINTS -> prints(read(body, PrintsRequest.class));
        case SiteProtocol.ROWS -> rows(read(body, RowsRequest.class));
        default -> null;
      };
      if (out == null) {
        return error(404, "no replica-check call " + call + " (calls: " + String.join(", ",
            SiteProtocol.STRUCTURE, SiteProtocol.CELLS, SiteProtocol.ROW_PRINTS,
            SiteProtocol.ROWS) + ")");
      }
      return new Reply(200, SiteProtocol.JSON.writeValueAsBytes(out));
    } catch (BadRequest e) {
      return error(400, e.getMessage());
    } catch (CheckException e) {
      return error(400, e.getMessage());
    } catch (IOException | RuntimeException e) {
      return error(500, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private List<Object[]> cells(CellsRequest r) {
    need(r.table(), "table");
    List<Object[]> out = new ArrayList<>();
    for (Cell c : site.cells(r.table(), r.order(), r.parentOrder(), r.parents())) {
      out.add(new Object[] {c.cell(), c.rows(), c.digest()});
    }
    return out;
  }

  private List<Object[]> prints(PrintsRequest r) {
    need(r.table(), "table");
    List<Object[]> out = new ArrayList<>();
    for (RowPrint p : site.rowPrints(r.table(), r.order(), r.cells())) {
      out.add(new Object[] {p.key(), p.hash()});
    }
    return out;
  }

  private List<WireRow> rows(RowsRequest r) {
    need(r.table(), "table");
    List<WireRow> out = new ArrayList<>();
    for (SiteRow row : site.rows(r.table(), r.keys())) {
      List<String> values = new ArrayList<>(row.values().size());
      row.values().forEach(v -> values.add(WireValues.encode(v)));
      out.add(new WireRow(row.key(), values));
    }
    return out;
  }

  private static <T> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new BadRequest("the call needs a JSON body");
    }
    try {
      return SiteProtocol.JSON.readValue(body, type);
    } catch (IOException e) {
      throw new BadRequest("bad JSON body: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static void need(Object value, String field) {
    if (value == null) {
      throw new BadRequest("the body has no " + field);
    }
  }

  private static Reply error(int status, String message) {
    try {
      return new Reply(status, SiteProtocol.JSON.writeValueAsBytes(Map.of("error",
          message.lines().findFirst().orElse(message))));
    } catch (JsonProcessingException e) {
      return new Reply(status, "{\"error\":\"unprintable\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A request this endpoint cannot read. */
  private static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
      super(message);
    }
  }
}
