package org.skyshard.bench;

/**
 * One timed step of loading the release into an engine (export, COPY, an index, ingest).
 *
 * @param engine the engine loaded
 * @param step what was done ({@code COPY Object}, {@code CLUSTER Object}, {@code ingest})
 * @param seconds wall-clock time
 * @param rows rows the step handled, or -1 when it does not apply
 */
public record LoadStep(EngineId engine, String step, double seconds, long rows) {}
