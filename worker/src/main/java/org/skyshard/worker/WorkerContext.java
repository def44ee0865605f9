package org.skyshard.worker;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every fragment run and action of one worker shares.
 *
 * @param config the worker's configuration
 * @param store the store it serves
 * @param duck its locked-down DuckDB
 * @param allocator its Arrow allocator (fragments take children of it)
 * @param errors its error messages (they name it)
 * @param running the fragments running now, by query id
 * @param stats its counters
 * @param timers fires time limits
 * @param codec the JSON codec
 */
record WorkerContext(WorkerConfig config, PublishedStore store, LockedDuckDb duck,
    BufferAllocator allocator, WorkerErrors errors, RunningFragments running, WorkerStats stats,
    ScheduledExecutorService timers, FragmentCodec codec) {}
