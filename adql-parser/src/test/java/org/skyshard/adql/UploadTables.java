package org.skyshard.adql;

import java.util.List;
import org.skyshard.schema.Column;
import org.skyshard.schema.FelisType;
import org.skyshard.schema.Table;

/** A sample TAP_UPLOAD table for tests: a user's list of positions. */
final class UploadTables {
  private UploadTables() {}

  static Table sample() {
    return new Table("my_targets", "#my_targets", "uploaded", List.of(
        column("target_id", FelisType.LONG), column("ra", FelisType.DOUBLE),
        column("dec", FelisType.DOUBLE), column("label", FelisType.STRING)),
        List.of(), List.of(), null);
  }

  private static Column column(String name, FelisType type) {
    return new Column(name, "#my_targets." + name, type, null, true, null, null, null, null,
        null, null, false, false, null);
  }
}
