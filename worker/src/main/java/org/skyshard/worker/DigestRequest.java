package org.skyshard.worker;

import java.util.List;

/**
 * The body of the {@code digest} action.
 *
 * @param table the table; a replicated one is digested whole, as one result with no chunk
 * @param chunks its chunks to digest; empty means every chunk with rows the worker holds
 * @param margin digest the margin files instead of the chunk files
 */
public record DigestRequest(String table, List<ChunkId> chunks, boolean margin) {
  public DigestRequest {
    chunks = chunks == null ? List.of() : List.copyOf(chunks);
  }
}
