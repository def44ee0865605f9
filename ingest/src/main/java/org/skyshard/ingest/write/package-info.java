/**
 * Writing a version with embedded DuckDB: sorted staging, chunk files, margins.
 */
package org.skyshard.ingest.write;
