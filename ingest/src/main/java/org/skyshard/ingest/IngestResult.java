package org.skyshard.ingest;

import org.skyshard.ingest.store.Manifest;

/**
 * What an ingest run did.
 *
 * @param published true when it published a new version, false when there was nothing to do
 * @param manifest the version now published
 * @param newFiles input files ingested by this run
 */
public record IngestResult(boolean published, Manifest manifest, int newFiles) {}
