/**
 * {@code ./skyshard bench} (issue 5): generates or reuses a synthetic release, loads it into
 * skyshard and into the peers a user would otherwise pick (PostgreSQL + q3c, DuckDB over the raw
 * Parquet), runs the same query mix on each and reports ratios from one run.
 */
package org.skyshard.bench;
