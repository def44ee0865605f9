package org.skyshard.adql;

import org.skyshard.schema.FelisType;

/**
 * One column of a query result, with the metadata a TAP service writes to VOTable.
 *
 * @param name the column name in the generated SQL's result (unique within the result)
 * @param datatype the Felis type of the values; for geometry, {@link FelisType#DOUBLE} with an
 *     {@code arraysize}
 * @param arraysize the VOTable arraysize, or null for a scalar
 * @param xtype the VOTable/DALI xtype ({@code point}, {@code circle}, {@code polygon},
 *     {@code timestamp}), or null
 * @param unit the unit, when the column comes unchanged from a schema column that has one
 * @param ucd the UCD, likewise
 * @param utype the utype, likewise
 * @param description the description, likewise
 * @param source {@code schema.table.column} of the schema column it comes from, or null for a
 *     computed column
 */
public record ResultColumn(String name, FelisType datatype, String arraysize, String xtype,
    String unit, String ucd, String utype, String description, String source) {}
