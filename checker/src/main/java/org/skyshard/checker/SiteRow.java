package org.skyshard.checker;

import java.util.List;

/**
 * One full row fetched from a site for comparison.
 *
 * @param key the primary key as text
 * @param values the values in schema column order ({@code null} for NULL; floats as
 *     {@link Double} or {@link Float}; binary as a hex string)
 */
public record SiteRow(String key, List<Object> values) {
  public SiteRow {
    values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
  }
}
