package org.skyshard.bench;

/** A query an engine under test failed on (skyshard only: a peer's failure stops the run). */
public record Failure(EngineId engine, String query, String message) {}
