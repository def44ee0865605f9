package org.skyshard.bench;

import org.skyshard.schema.FelisType;

/** The PostgreSQL column type a DBA would pick for a Felis type (the schema module has none). */
final class PgTypes {
  private PgTypes() {}

  static String of(FelisType t) {
    return switch (t) {
      case BOOLEAN -> "boolean";
      case BYTE, SHORT -> "smallint";
      case INT -> "integer";
      case LONG -> "bigint";
      case FLOAT -> "real";
      case DOUBLE -> "double precision";
      case CHAR, STRING, UNICODE, TEXT -> "text";
      case BINARY -> "bytea";
      case TIMESTAMP -> "timestamp";
    };
  }
}
