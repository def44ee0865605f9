package org.skyshard.adql;

import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;

/**
 * A Calcite operator for an ADQL function that Calcite does not have (geometry, the scisql UDFs,
 * bitwise operators). It exists for validation; the rewriter replaces every call before SQL is
 * written.
 */
public final class AdqlOperator extends SqlFunction {
  AdqlOperator(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands,
      SqlFunctionCategory category) {
    super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, category);
  }

  @Override
  public boolean isDeterministic() {
    return true;
  }
}
