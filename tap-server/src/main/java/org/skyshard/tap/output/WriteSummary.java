package org.skyshard.tap.output;

/**
 * What writing a result produced.
 *
 * @param rows rows written
 * @param overflow true when MAXREC cut the result
 */
public record WriteSummary(long rows, boolean overflow) {}
