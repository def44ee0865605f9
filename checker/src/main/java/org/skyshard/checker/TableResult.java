package org.skyshard.checker;

/**
 * How one table compared.
 *
 * @param table the table name
 * @param rowsA rows found on site A (content scan), or -1 when not compared
 * @param rowsB rows found on site B
 * @param cells cells compared at the check order
 * @param differingCells cells whose digests differ
 * @param differences differences found in this table
 */
public record TableResult(String table, long rowsA, long rowsB, int cells, int differingCells,
    int differences) {}
