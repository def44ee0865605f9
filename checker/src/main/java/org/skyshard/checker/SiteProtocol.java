package org.skyshard.checker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;

/**
 * The replica-check extension of a site's service: four POST calls under
 * {@code <TAP base URL>/ext/check/}, JSON in and out, answered where the data is (by
 * {@link SiteEndpoint} over that site's own {@link Site}) so that only cell digests, and for the
 * differing cells row fingerprints and rows, cross the network.
 *
 * <ul>
 *   <li>{@code structure} (empty body) → {@link SiteStructure}
 *   <li>{@code cells} {@link CellsRequest} → {@code [[cell, rows, digest], ...]}
 *   <li>{@code rowprints} {@link PrintsRequest} → {@code [[key, hash], ...]}
 *   <li>{@code rows} {@link RowsRequest} → {@code [{"key": k, "values": [v, ...]}, ...]}, each
 *       value typed by {@link WireValues}
 * </ul>
 *
 * A call that fails answers HTTP 400 (the request is wrong, e.g. no such table) or 500 with
 * {@code {"error": "one line"}}.
 */
public final class SiteProtocol {
  /** The path of the calls below the TAP base URL. */
  public static final String PATH = "/ext/check/";
  public static final String STRUCTURE = "structure";
  public static final String CELLS = "cells";
  public static final String ROW_PRINTS = "rowprints";
  public static final String ROWS = "rows";

  static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SiteProtocol() {}

  /** Body of {@code cells}: see {@link Site#cells}; {@code parents} null for every cell. */
  public record CellsRequest(String table, int order, int parentOrder, List<Long> parents) {
    public CellsRequest {
      parents = parents == null ? null : List.copyOf(parents);
    }

    static CellsRequest of(String table, int order, int parentOrder, Collection<Long> parents) {
      return new CellsRequest(table, order, parentOrder,
          parents == null ? null : List.copyOf(parents));
    }
  }

  /** Body of {@code rowprints}: see {@link Site#rowPrints}. */
  public record PrintsRequest(String table, int order, List<Long> cells) {
    public PrintsRequest {
      cells = List.copyOf(cells);
    }
  }

  /** Body of {@code rows}: see {@link Site#rows}. */
  public record RowsRequest(String table, List<String> keys) {
    public RowsRequest {
      keys = List.copyOf(keys);
    }
  }

  /** One fetched row on the wire: its key and its values typed by {@link WireValues}. */
  public record WireRow(String key, List<String> values) {}
}
