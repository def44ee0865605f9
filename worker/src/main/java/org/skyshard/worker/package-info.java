/**
 * The chunk worker: an Arrow Flight server that runs fragment SQL on an embedded, locked-down
 * DuckDB over the chunk files of its store's published version, and the client the czar uses.
 *
 * <h2>Protocol (the wire contract)</h2>
 *
 * <ul>
 *   <li>{@code DoGet}: the ticket is a {@link org.skyshard.worker.Fragment} as JSON
 *       ({@link org.skyshard.worker.FragmentCodec}); the answer is one Arrow stream with one
 *       schema, each batch carrying a {@link org.skyshard.worker.WorkerActions.BatchInfo} as
 *       application metadata, plus a metadata-only message after each completed chunk.
 *   <li>{@code DoAction}: {@code health}, {@code cancel}, {@code digest}
 *       ({@link org.skyshard.worker.WorkerActions}), JSON bodies and results.
 *   <li>Errors: a Flight {@code CallStatus} whose description names the worker
 *       ({@code host:port}) and, when one is concerned, the chunk and table; the
 *       {@link org.skyshard.worker.WorkerException.Kind} and chunk also travel as status
 *       metadata ({@link org.skyshard.worker.WorkerErrors}).
 * </ul>
 *
 * <h2>Classes</h2>
 *
 * {@link org.skyshard.worker.WorkerServer} (lifecycle only), {@code WorkerProducer} (the
 * protocol), {@code FragmentRun} (one fragment: placeholders, uploads, DuckDB, streaming,
 * limits), {@code ResultStreamer} (DuckDB's Arrow export to the Flight stream),
 * {@link org.skyshard.worker.StoreFiles} (the only class that knows the store layout, through the
 * ingest's {@code Store} API), {@link org.skyshard.worker.LockedDuckDb} and
 * {@link org.skyshard.worker.DuckSession} (the locked-down database and its pooled connections),
 * {@link org.skyshard.worker.WorkerClient} with {@link org.skyshard.worker.FragmentStream} and
 * {@link org.skyshard.worker.FragmentReader} (the czar's side), and
 * {@link org.skyshard.worker.WorkerCommand} ({@code ./skyshard worker}).
 */
package org.skyshard.worker;
