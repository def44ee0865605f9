package org.skyshard.adql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts plus one ADQL users rely on: comparing a boolean column with a number
 * ({@code detect_isPrimary = 1}, {@code != 0}), because Qserv stored flags as integers. A literal
 * 0 or 1 becomes FALSE or TRUE; otherwise the boolean side is cast to INTEGER (true = 1,
 * false = 0).
 */
final class BooleanComparisonCoercion extends TypeCoercionImpl {
  BooleanComparisonCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      if (isBoolean(left) && SqlTypeUtil.isNumeric(right)) {
        return asBoolean(binding.getCall(), 1)
            || coerceOperandType(binding.getScope(), binding.getCall(), 0, integer(left));
      }
      if (SqlTypeUtil.isNumeric(left) && isBoolean(right)) {
        return asBoolean(binding.getCall(), 0)
            || coerceOperandType(binding.getScope(), binding.getCall(), 1, integer(right));
      }
    }
    return super.binaryComparisonCoercion(binding);
  }

  /**
   * No implicit casts of a column or expression between text and numbers ({@code ABS(band)},
   * {@code objectId LIKE 3}): those are type errors. Literals still convert ({@code '30' * 2}),
   * as ADQL allows.
   */
  @Override
  protected boolean coerceOperandType(SqlValidatorScope scope, SqlCall call, int index,
      RelDataType targetType) {
    SqlNode operand = call.operand(index);
    if (!(operand instanceof SqlLiteral) && scope != null) {
      RelDataType from = validator.deriveType(scope, operand);
      if ((SqlTypeUtil.isCharacter(from) && SqlTypeUtil.isNumeric(targetType))
          || (SqlTypeUtil.isNumeric(from) && SqlTypeUtil.isCharacter(targetType))) {
        return false;
      }
    }
    return super.coerceOperandType(scope, call, index, targetType);
  }

  /**
   * Turns a literal 0 or 1 compared with a boolean into FALSE or TRUE: the same answer as the
   * INTEGER cast (NULL stays NULL, false orders below true as 0 below 1), but DuckDB can push
   * {@code flag = TRUE} into its Parquet scan where a cast column is evaluated row by row.
   */
  private boolean asBoolean(SqlCall call, int index) {
    if (call.operand(index) instanceof SqlNumericLiteral lit && lit.isExact()) {
      java.math.BigDecimal v = lit.getValueAs(java.math.BigDecimal.class);
      if (v.signum() == 0 || v.compareTo(java.math.BigDecimal.ONE) == 0) {
        SqlLiteral b = SqlLiteral.createBoolean(v.signum() != 0, lit.getParserPosition());
        call.setOperand(index, b);
        updateInferredType(b, factory.createSqlType(SqlTypeName.BOOLEAN));
        return true;
      }
    }
    return false;
  }

  private static boolean isBoolean(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.BOOLEAN;
  }

  private RelDataType integer(RelDataType like) {
    return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER),
        like.isNullable());
  }
}
