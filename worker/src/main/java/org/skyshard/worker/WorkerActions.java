package org.skyshard.worker;

/**
 * The Flight DoAction protocol of a worker. Every body and result is JSON ({@link FragmentCodec}).
 *
 * <ul>
 *   <li>{@value #HEALTH}: no body; one result, a {@link WorkerHealth};
 *   <li>{@value #CANCEL}: body {@link CancelRequest}; one result, {@link CancelResult};
 *   <li>{@value #DIGEST}: body {@link DigestRequest}; one result per chunk, a {@link ChunkDigest};
 *   <li>{@value #INVENTORY}: no body; one result, a {@link WorkerInventory}.
 * </ul>
 *
 * Record batches of a fragment stream carry a {@link BatchInfo} as application metadata.
 */
public final class WorkerActions {
  public static final String HEALTH = "health";
  public static final String CANCEL = "cancel";
  public static final String DIGEST = "digest";
  public static final String INVENTORY = "inventory";

  private WorkerActions() {}

  /** Cancel every running fragment of a query. */
  public record CancelRequest(String queryId) {}

  /** How many running fragments a cancel stopped. */
  public record CancelResult(int cancelled) {}

  /**
   * The application metadata of a result batch.
   *
   * @param chunk the chunk the batch's rows come from (null in {@code UNION_ALL} mode)
   * @param done how many chunks of the fragment's list completed before this batch: chunks run
   *     in list order, so those are the first {@code done}
   */
  public record BatchInfo(ChunkId chunk, int done) {}
}
