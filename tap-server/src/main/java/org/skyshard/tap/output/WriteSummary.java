package org.skyshard.tap.output;

/**
 * What writing a result produced.
 *
 * @param rows rows written
 * @param overflow true when MAXREC cut the result
 * @param failure the engine failure that ended a VOTable early (the document says ERROR after
 *     the rows), or null
 */
public record WriteSummary(long rows, boolean overflow, Exception failure) {}
