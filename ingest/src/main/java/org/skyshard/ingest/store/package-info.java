/**
 * The store: its layout ({@link org.skyshard.ingest.store.StoreLayout}), the read side for
 * workers, planner and checker ({@link org.skyshard.ingest.store.Store}), the manifest, the
 * content digest ({@link org.skyshard.ingest.store.RowDigest}), the id index, the table
 * classes, and the atomic publish ({@link org.skyshard.ingest.store.StoreWriter}).
 */
package org.skyshard.ingest.store;
