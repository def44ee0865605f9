package org.skyshard.adql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts plus one ADQL users rely on: comparing a boolean column with a number
 * ({@code detect_isPrimary = 1}, {@code != 0}), because Qserv stored flags as integers. The
 * boolean side is cast to INTEGER (true = 1, false = 0).
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
        return coerceOperandType(binding.getScope(), binding.getCall(), 0, integer(left));
      }
      if (SqlTypeUtil.isNumeric(left) && isBoolean(right)) {
        return coerceOperandType(binding.getScope(), binding.getCall(), 1, integer(right));
      }
    }
    return super.binaryComparisonCoercion(binding);
  }

  private static boolean isBoolean(RelDataType type) {
    return type.getSqlTypeName() == SqlTypeName.BOOLEAN;
  }

  private RelDataType integer(RelDataType like) {
    return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER),
        like.isNullable());
  }
}
