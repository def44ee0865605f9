package org.skyshard.adql;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Turns a validated tree into one DuckDB can run, without changing the validated tree: every
 * catalogue function becomes its DuckDB SQL template, geometry becomes arithmetic
 * ({@link GeometryRewriter}), every select item gets the name the result metadata uses, and
 * exact decimal results become DOUBLE.
 */
final class DuckDbRewriter extends SqlShuttle {
  private final AdqlFunctions catalogue;
  private final SqlValidator validator;
  private final GeometryRewriter geometry;
  private final Map<AdqlFunction, TemplateOperator> templates = new IdentityHashMap<>();

  DuckDbRewriter(AdqlFunctions catalogue, SqlValidator validator, SchemaIndex index) {
    this.catalogue = catalogue;
    this.validator = validator;
    this.index = index;
    this.geometry = new GeometryRewriter(validator, n -> n.accept(this), this::unitOf);
  }

  SqlNode rewrite(SqlNode validated) {
    top = ResultColumns.topSelect(validated);
    tables = index == null ? Map.of() : QueryTables.of(validated, index);
    return validated.accept(this);
  }

  private final SchemaIndex index;
  private Map<String, SchemaIndex.QualifiedTable> tables = Map.of();

  /** The schema unit of a qualified column reference ({@code alias.column}), or null. */
  private String unitOf(SqlNode node) {
    if (node instanceof SqlIdentifier id && id.names.size() >= 2) {
      SchemaIndex.QualifiedTable t = tables.get(
          id.names.get(id.names.size() - 2).toLowerCase(java.util.Locale.ROOT));
      if (t != null) {
        return t.column(id.names.get(id.names.size() - 1)).map(c -> c.unit()).orElse(null);
      }
    }
    return null;
  }

  /** The SELECT naming the result, whose unnamed columns get readable names. */
  private SqlSelect top;

  @Override
  public SqlNode visit(SqlCall call) {
    if (call instanceof SqlSelect select) {
      return select(select);
    }
    if (call instanceof SqlJoin join && join.getCondition() != null
        && join.getConditionType() == JoinConditionType.ON) {
      return new SqlJoin(join.getParserPosition(), accept(join.getLeft()),
          join.isNaturalNode(), join.getJoinTypeNode(), accept(join.getRight()),
          join.getConditionTypeNode(), condition(join.getCondition()));
    }
    SqlNode comparison = geometry.comparison(call);
    if (comparison != null) {
      return comparison;
    }
    if (GeometryRewriter.isGeometryFunction(call)) {
      return geometry.rewrite(call);
    }
    AdqlFunction f = catalogue.byOperator(call.getOperator()).orElse(null);
    if (f != null && f.duckdb() != null) {
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode operand : call.getOperandList()) {
        operands.add(operand == null ? null : operand.accept(this));
      }
      TemplateOperator op = templates.computeIfAbsent(f,
          k -> new TemplateOperator(k.name(), k.duckdb()));
      return op.createCall(call.getParserPosition(), operands);
    }
    if (call.getOperator() instanceof AdqlOperator) {
      throw AdqlMessages.unsupported(call.getParserPosition(), call.getOperator().getName());
    }
    if (call.getKind() == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec
        && spec.getTypeNameSpec() instanceof SqlBasicTypeNameSpec basic
        && basic.getCharSetName() != null) {
      // DuckDB has no character sets: CAST(x AS VARCHAR).
      SqlTypeName type = SqlTypeName.get(basic.getTypeName().getSimple());
      return SqlStdOperatorTable.CAST.createCall(call.getParserPosition(),
          call.operand(0).accept(this), new SqlDataTypeSpec(new SqlBasicTypeNameSpec(
              type == null ? SqlTypeName.VARCHAR : type, basic.getPrecision(),
              spec.getParserPosition()), spec.getParserPosition()));
    }
    return super.visit(call);
  }

  private SqlNode select(SqlSelect select) {
    RelDataType rowType = validator.getValidatedNodeTypeIfKnown(select);
    List<RelDataTypeField> fields = rowType == null ? List.of() : rowType.getFieldList();
    SqlNodeList items = select.getSelectList();
    List<String> names = rowType == null ? List.of() : select == top
        ? ColumnNames.of(rowType.getFieldNames(), items.getList()) : rowType.getFieldNames();
    List<SqlNode> newItems = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      SqlNode item = items.get(i);
      SqlNode expr = item.getKind() == SqlKind.AS ? ((SqlCall) item).operand(0) : item;
      SqlNode rewritten = expr.accept(this);
      if (i < fields.size()) {
        RelDataTypeField field = fields.get(i);
        if (field.getType().getSqlTypeName() == SqlTypeName.DECIMAL) {
          rewritten = SqlStdOperatorTable.CAST.createCall(expr.getParserPosition(), rewritten,
              new SqlDataTypeSpec(new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE,
                  expr.getParserPosition()), expr.getParserPosition()));
        }
        rewritten = SqlStdOperatorTable.AS.createCall(item.getParserPosition(), rewritten,
            new SqlIdentifier(names.get(i), item.getParserPosition()));
      }
      newItems.add(rewritten);
    }
    return new SqlSelect(select.getParserPosition(), (SqlNodeList) select.getOperandList().get(0),
        new SqlNodeList(newItems, items.getParserPosition()), accept(select.getFrom()),
        condition(select.getWhere()), copy(select.getGroup()), accept(select.getHaving()),
        copy(select.getWindowList()), accept(select.getQualify()), copy(select.getOrderList()),
        select.getOffset(), select.getFetch(), select.getHints());
  }

  /**
   * A WHERE or ON condition, conjunct by conjunct: a DISTANCE bound among them gains the
   * declination band that lets DuckDB range-join near neighbours.
   */
  private SqlNode condition(SqlNode node) {
    if (node instanceof SqlCall and && and.getKind() == SqlKind.AND) {
      List<SqlNode> operands = new ArrayList<>();
      for (SqlNode o : and.getOperandList()) {
        operands.add(condition(o));
      }
      return SqlStdOperatorTable.AND.createCall(and.getParserPosition(), operands);
    }
    SqlNode bound = geometry.distanceCondition(node);
    return bound != null ? bound : accept(node);
  }

  private SqlNode accept(SqlNode node) {
    return node == null ? null : node.accept(this);
  }

  private SqlNodeList copy(SqlNodeList list) {
    return list == null ? null : (SqlNodeList) list.accept(this);
  }
}
