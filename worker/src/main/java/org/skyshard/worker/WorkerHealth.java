package org.skyshard.worker;

/**
 * A worker's answer to the {@code health} action.
 *
 * @param worker its address, {@code host:port}
 * @param up true while it serves
 * @param version the published store version (ingest id) it serves, or null when none
 * @param running fragments running now
 * @param fragmentsServed fragments finished since start (successfully or not)
 * @param chunksServed chunk runs finished since start
 * @param load the host's one-minute load average divided by its processors (negative if unknown)
 * @param arrowBytes Arrow memory the worker holds now
 */
public record WorkerHealth(String worker, boolean up, String version, int running,
    long fragmentsServed, long chunksServed, double load, long arrowBytes) {}
