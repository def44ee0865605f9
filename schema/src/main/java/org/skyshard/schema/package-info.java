/**
 * The Felis schema model ({@link org.skyshard.schema.FelisLoader}, {@link
 * org.skyshard.schema.FelisSchema}) and the one type mapping ({@link org.skyshard.schema.FelisType}).
 * Every other module may use this one; it uses none of them.
 */
package org.skyshard.schema;
