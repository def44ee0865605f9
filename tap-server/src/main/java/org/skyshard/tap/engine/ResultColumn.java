package org.skyshard.tap.engine;

import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;

/**
 * Full metadata of one result column, as the FIELD of a VOTable shows it.
 *
 * @param name the column name (may repeat in a result; writers make FIELD names distinct)
 * @param datatype the Felis type, which fixes the Java class of the values (see {@link ResultSource})
 * @param arraysize VOTable arraysize, or null for a scalar
 * @param unit VO unit, or null
 * @param ucd UCD, or null
 * @param utype utype, or null
 * @param description free text, or null
 * @param xtype DALI xtype ({@code timestamp}, {@code point}, ...), or null
 */
public record ResultColumn(String name, FelisType datatype, String arraysize, String unit,
    String ucd, String utype, String description, String xtype) {

  /** A column with only a name and a type; the rest follows from the type. */
  public static ResultColumn of(String name, FelisType type) {
    return new ResultColumn(name, type, type.votableArraysize(null), null, null, null, null,
        type.votableXtype());
  }

  /** The metadata of a schema column, under the name the result gives it. */
  public static ResultColumn of(String name, Column c) {
    return new ResultColumn(name, c.datatype(), c.votableArraysize(), c.unit(), c.ucd(),
        c.utype(), c.description(), c.votableXtype());
  }

  /** True for a numeric column with an arraysize (geometry: point, circle, polygon): {@code double[]} values. */
  public boolean isNumericArray() {
    return arraysize != null && datatype.isNumeric();
  }

  /** This column under another name. */
  public ResultColumn withName(String newName) {
    return new ResultColumn(newName, datatype, arraysize, unit, ucd, utype, description, xtype);
  }
}
