/**
 * Reading ADQL query corpora kept as data files: tab-separated query lists
 * ({@link org.skyshard.adql.corpus.QueryCorpus}) whose run-time {@code {placeholders}} are filled
 * from a per-consumer table of values ({@link org.skyshard.adql.corpus.Placeholders}), so every
 * module that runs the DP0.2 tutorial queries reads them the same way.
 */
package org.skyshard.adql.corpus;
