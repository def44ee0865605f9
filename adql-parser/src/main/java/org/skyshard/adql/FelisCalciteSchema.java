package org.skyshard.adql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rel.type.RelDataTypeFieldImpl;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/** A Felis schema seen by Calcite's validator: its tables with their column types. */
final class FelisCalciteSchema extends AbstractSchema {
  private final Map<String, org.apache.calcite.schema.Table> tables;

  FelisCalciteSchema(FelisSchema felis) {
    Map<String, org.apache.calcite.schema.Table> m = new LinkedHashMap<>();
    for (Table t : felis.tables()) {
      m.put(t.name(), new FelisCalciteTable(t));
    }
    this.tables = m;
  }

  @Override
  protected Map<String, org.apache.calcite.schema.Table> getTableMap() {
    return tables;
  }

  /** The Calcite SQL type of a Felis type. */
  static SqlTypeName sqlType(FelisType type) {
    return switch (type) {
      case BOOLEAN -> SqlTypeName.BOOLEAN;
      case BYTE -> SqlTypeName.TINYINT;
      case SHORT -> SqlTypeName.SMALLINT;
      case INT -> SqlTypeName.INTEGER;
      case LONG -> SqlTypeName.BIGINT;
      case FLOAT -> SqlTypeName.REAL;
      case DOUBLE -> SqlTypeName.DOUBLE;
      case CHAR, STRING, UNICODE, TEXT -> SqlTypeName.VARCHAR;
      case BINARY -> SqlTypeName.VARBINARY;
      case TIMESTAMP -> SqlTypeName.TIMESTAMP;
    };
  }

  /** One table; its row type is built once per type factory. */
  private static final class FelisCalciteTable extends AbstractTable {
    private final Table table;
    private RelDataTypeFactory cachedFactory;
    private RelDataType cachedType;

    FelisCalciteTable(Table table) {
      this.table = table;
    }

    @Override
    public synchronized RelDataType getRowType(RelDataTypeFactory typeFactory) {
      if (cachedFactory != typeFactory) {
        List<RelDataTypeField> fields = new ArrayList<>();
        for (Column c : table.columns()) {
          fields.add(new RelDataTypeFieldImpl(c.name(), fields.size(),
              typeFactory.createTypeWithNullability(
                  typeFactory.createSqlType(sqlType(c.datatype())), true)));
        }
        cachedType = new IndexedRecordType(fields);
        cachedFactory = typeFactory;
      }
      return cachedType;
    }
  }
}
