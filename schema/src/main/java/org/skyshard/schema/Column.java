package org.skyshard.schema;

/**
 * One column of a Felis table, in schema order.
 *
 * @param name the column name as the schema spells it
 * @param id the Felis {@code @id} ({@code #Object.objectId})
 * @param datatype the Felis datatype
 * @param length the declared length of a character or binary column, or null
 * @param nullable whether NULL is allowed (Felis default: true)
 * @param unit {@code ivoa:unit} or {@code fits:tunit}, or null
 * @param ucd {@code ivoa:ucd}, or null
 * @param utype {@code votable:utype}, or null
 * @param xtype {@code votable:xtype}, or null (the type's own xtype then applies)
 * @param arraysize {@code votable:arraysize} when the schema overrides the type's, or null
 * @param description free text, or null
 * @param principal {@code tap:principal}
 * @param std {@code tap:std}
 * @param columnIndex {@code tap:column_index}, or null
 */
public record Column(
    String name,
    String id,
    FelisType datatype,
    Integer length,
    boolean nullable,
    String unit,
    String ucd,
    String utype,
    String xtype,
    String arraysize,
    String description,
    boolean principal,
    boolean std,
    Integer columnIndex) {

  /** The VOTable arraysize: the schema's override, else the one the type implies. */
  public String votableArraysize() {
    return arraysize != null ? arraysize : datatype.votableArraysize(length);
  }

  /** The VOTable xtype: the schema's, else the one the type implies. */
  public String votableXtype() {
    return xtype != null ? xtype : datatype.votableXtype();
  }

  /** The ADQL type, as TAP_SCHEMA and error messages show it. */
  public String adqlType() {
    return datatype.adqlType(length);
  }
}
