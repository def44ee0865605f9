package org.skyshard.adql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A geometry operand after rewriting: its kind and its coordinates as SQL expressions, in
 * degrees; or, for a region stored as an STC-S string column ({@code s_region}), that string.
 *
 * @param kind the shape kind
 * @param coordSys the coordinate system literal, or null when none was given
 * @param values POINT (ra, dec); CIRCLE (ra, dec, radius); BOX (ra, dec, width, height);
 *     POLYGON (ra1, dec1, ra2, dec2, ...)
 * @param stcs the STC-S string expression for {@link Kind#STCS}
 * @param pos where the operand was written
 */
record Shape(Kind kind, String coordSys, List<SqlNode> values, SqlNode stcs, SqlParserPos pos) {
  enum Kind { POINT, CIRCLE, BOX, POLYGON, STCS }

  SqlNode ra() {
    return values.get(0);
  }

  SqlNode dec() {
    return values.get(1);
  }

  String adqlName() {
    return kind == Kind.STCS ? "an STC-S region" : kind.name();
  }
}
