package org.skyshard.tap.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;
import org.skyshard.tap.engine.ResultColumn;

/**
 * Finds the schema metadata (unit, UCD, description, ...) of a result column when the translator
 * gives none: the column of that name among the served tables the query names, if exactly one
 * such column has a compatible type. A stand-in until the ADQL translator reports result columns.
 */
final class ColumnMetadataResolver {
  private record Entry(String schema, Table table) {}

  private final List<Entry> tables = new ArrayList<>();

  ColumnMetadataResolver(List<FelisSchema> schemas) {
    for (FelisSchema s : schemas) {
      for (Table t : s.tables()) {
        tables.add(new Entry(s.name(), t));
      }
    }
  }

  ResultColumn resolve(String label, FelisType resultType, String query) {
    String lowerQuery = query.toLowerCase(Locale.ROOT);
    Column found = null;
    int matches = 0;
    for (Entry e : tables) {
      String qualified = (e.schema() + "." + e.table().name()).toLowerCase(Locale.ROOT);
      if (!lowerQuery.contains(qualified)) {
        continue;
      }
      Column c = e.table().column(label).orElse(null);
      if (c != null && compatible(c.datatype(), resultType)) {
        found = c;
        matches++;
      }
    }
    if (matches == 1) {
      return new ResultColumn(label, resultType, resultType == found.datatype()
          ? found.votableArraysize() : resultType.votableArraysize(null), found.unit(),
          found.ucd(), found.utype(), found.description(),
          resultType == FelisType.TIMESTAMP ? "timestamp" : found.xtype());
    }
    return ResultColumn.of(label, resultType);
  }

  private static boolean compatible(FelisType schema, FelisType result) {
    return schema == result || (schema.isText() && result.isText())
        || (schema == FelisType.BYTE && result == FelisType.SHORT);
  }
}
