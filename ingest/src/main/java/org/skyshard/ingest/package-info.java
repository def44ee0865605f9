/**
 * {@code skyshard ingest}: {@link org.skyshard.ingest.IngestCommand} (picocli) runs an
 * {@link org.skyshard.ingest.Ingest} with {@link org.skyshard.ingest.IngestOptions}; user errors
 * are {@link org.skyshard.ingest.IngestException}s worded by
 * {@link org.skyshard.ingest.IngestMessages}. See the module's README for the store layout.
 */
package org.skyshard.ingest;
