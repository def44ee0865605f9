package org.skyshard.checker;

/**
 * A row's identity and fingerprint: its primary key (as text) and its row hash.
 *
 * @param key the primary-key value(s) as text, {@code |}-separated when composite
 * @param hash the row hash over every schema column
 */
public record RowPrint(String key, long hash) {}
