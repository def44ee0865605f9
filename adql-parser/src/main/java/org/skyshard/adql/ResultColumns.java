package org.skyshard.adql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.validate.SqlValidator;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;

/**
 * The result columns of a validated query: names and types from the validator, unit, UCD and
 * description from the schema column a result column comes from unchanged.
 */
final class ResultColumns {
  private final SqlValidator validator;
  private final SchemaIndex index;

  ResultColumns(SqlValidator validator, SchemaIndex index) {
    this.validator = validator;
    this.index = index;
  }

  List<ResultColumn> of(SqlNode validated) {
    RelDataType rowType = validator.getValidatedNodeType(validated);
    List<List<String>> origins = validator.getFieldOrigins(validated);
    List<SqlNode> items = selectItems(validated);
    List<ResultColumn> out = new ArrayList<>();
    List<RelDataTypeField> fields = rowType.getFieldList();
    List<String> names = ColumnNames.of(rowType.getFieldNames(), items);
    for (int i = 0; i < fields.size(); i++) {
      RelDataTypeField field = fields.get(i);
      List<String> origin = i < origins.size() ? origins.get(i) : null;
      SqlNode item = i < items.size() ? items.get(i) : null;
      out.add(column(names.get(i), field, origin, item));
    }
    return out;
  }

  private ResultColumn column(String name, RelDataTypeField field, List<String> origin,
      SqlNode item) {
    SqlNode expr = item != null && item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0)
        : item;
    if (origin != null && origin.size() >= 3 && isPlainColumn(expr)) {
      var table = index.table(origin.subList(origin.size() - 3, origin.size() - 1));
      if (table.isPresent()) {
        Column c = table.get().column(origin.get(origin.size() - 1)).orElse(null);
        if (c != null) {
          return new ResultColumn(name, c.datatype(), c.votableArraysize(),
              c.votableXtype(), c.unit(), c.ucd(), c.utype(), c.description(),
              table.get().qualifiedName() + "." + c.name());
        }
      }
    }
    String geometry = geometryKind(expr);
    if (geometry != null) {
      String arraysize = switch (geometry) {
        case "POINT" -> "2";
        case "CIRCLE" -> "3";
        default -> "*";
      };
      return new ResultColumn(name, FelisType.DOUBLE, arraysize,
          geometry.toLowerCase(Locale.ROOT), "deg", null, null, null, null);
    }
    FelisType type = felisType(field.getType());
    String unit = expr instanceof SqlCall call && !(type.isText())
        ? AdqlFunctions.resultUnit(call.getOperator().getName()) : null;
    if (expr instanceof SqlCall call && call.getOperator().getName().equalsIgnoreCase("IN_UNIT")
        && call.operand(1) instanceof org.apache.calcite.sql.SqlLiteral lit
        && lit.getValue() instanceof org.apache.calcite.util.NlsString target) {
      unit = target.getValue();
    }
    return new ResultColumn(name, type, type.votableArraysize(null),
        type.votableXtype(), unit, null, null, null, null);
  }

  private static boolean isPlainColumn(SqlNode expr) {
    return expr == null || expr instanceof org.apache.calcite.sql.SqlIdentifier;
  }

  private static String geometryKind(SqlNode expr) {
    if (expr instanceof SqlCall call && call.getOperator() instanceof AdqlOperator op) {
      String name = op.getName().toUpperCase(Locale.ROOT);
      return switch (name) {
        case "POINT", "CENTROID" -> "POINT";
        case "CIRCLE" -> "CIRCLE";
        case "POLYGON" -> "POLYGON";
        default -> null;
      };
    }
    return null;
  }

  /** The outermost SELECT whose items name the result, or null. */
  static SqlSelect topSelect(SqlNode validated) {
    SqlNode n = validated;
    while (n instanceof SqlCall call && !(n instanceof SqlSelect)) {
      if (call.getKind() == SqlKind.ORDER_BY) {
        n = call.operand(0);
      } else if (call.getKind() == SqlKind.WITH) {
        n = ((org.apache.calcite.sql.SqlWith) call).body;
      } else if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
          || call.getKind() == SqlKind.EXCEPT) {
        n = call.operand(0);
      } else {
        break;
      }
    }
    return n instanceof SqlSelect s ? s : null;
  }

  private static List<SqlNode> selectItems(SqlNode validated) {
    SqlNode n = validated;
    while (n instanceof SqlCall call && !(n instanceof SqlSelect)) {
      if (call.getKind() == SqlKind.ORDER_BY || call.getKind() == SqlKind.WITH) {
        n = call.getKind() == SqlKind.WITH ? ((org.apache.calcite.sql.SqlWith) call).body
            : call.operand(0);
      } else if (call.getKind() == SqlKind.UNION || call.getKind() == SqlKind.INTERSECT
          || call.getKind() == SqlKind.EXCEPT) {
        n = call.operand(0);
      } else {
        break;
      }
    }
    return n instanceof SqlSelect s ? s.getSelectList().getList() : List.of();
  }

  static FelisType felisType(RelDataType type) {
    return switch (type.getSqlTypeName()) {
      case BOOLEAN -> FelisType.BOOLEAN;
      case TINYINT -> FelisType.BYTE;
      case SMALLINT -> FelisType.SHORT;
      case INTEGER -> FelisType.INT;
      case BIGINT -> FelisType.LONG;
      case REAL, FLOAT -> FelisType.FLOAT;
      case CHAR, VARCHAR -> FelisType.STRING;
      case TIMESTAMP -> FelisType.TIMESTAMP;
      case BINARY, VARBINARY -> FelisType.BINARY;
      default -> FelisType.DOUBLE;
    };
  }
}
