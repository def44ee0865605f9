package org.skyshard.adql.corpus;

/**
 * One query of a corpus, its placeholders filled.
 *
 * @param id the row's {@code id}
 * @param adql the query text
 * @param note the row's {@code note}, or empty when the file has none
 */
public record CorpusQuery(String id, String adql, String note) {}
