package org.skyshard.adql;

import java.util.Locale;
import java.util.Set;

/**
 * ADQL 2.1's reserved words: its own (the ADQL function names and TOP, OFFSET, ILIKE) and the
 * SQL-92 words the standard lists. An unquoted reserved word cannot name a table, column or alias.
 */
final class ReservedWords {
  private static final Set<String> ADQL = Set.of(
      "ABS", "ACOS", "AREA", "ASIN", "ATAN", "ATAN2", "BIT_AND", "BIT_NOT", "BIT_OR", "BIT_XOR",
      "BOX", "CEILING", "CENTROID", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS", "COS",
      "COT", "DEGREES", "DISTANCE", "EXP", "FLOOR", "ILIKE", "INTERSECTS", "IN_UNIT", "LOG",
      "LOG10", "MOD", "OFFSET", "PI", "POINT", "POLYGON", "POWER", "RADIANS", "REGION", "RAND",
      "ROUND", "SIN", "SQRT", "TOP", "TAN", "TRUNCATE");

  private static final Set<String> SQL = Set.of(
      "ABSOLUTE", "ACTION", "ADD", "ALL", "ALLOCATE", "ALTER", "AND", "ANY", "ARE", "AS", "ASC",
      "ASSERTION", "AT", "AUTHORIZATION", "AVG", "BEGIN", "BETWEEN", "BIT", "BIT_LENGTH", "BOTH",
      "BY", "CASCADE", "CASCADED", "CASE", "CAST", "CATALOG", "CHAR", "CHARACTER", "CHAR_LENGTH",
      "CHARACTER_LENGTH", "CHECK", "CLOSE", "COALESCE", "COLLATE", "COLLATION", "COLUMN",
      "COMMIT", "CONNECT", "CONNECTION", "CONSTRAINT", "CONSTRAINTS", "CONTINUE", "CONVERT",
      "CORRESPONDING", "COUNT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME",
      "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DATE", "DAY", "DEALLOCATE", "DECIMAL",
      "DECLARE", "DEFAULT", "DEFERRABLE", "DEFERRED", "DELETE", "DESC", "DESCRIBE",
      "DESCRIPTOR", "DIAGNOSTICS", "DISCONNECT", "DISTINCT", "DOMAIN", "DOUBLE", "DROP", "ELSE",
      "END", "END-EXEC", "ESCAPE", "EXCEPT", "EXCEPTION", "EXEC", "EXECUTE", "EXISTS",
      "EXTERNAL", "EXTRACT", "FALSE", "FETCH", "FIRST", "FLOAT", "FOR", "FOREIGN", "FOUND",
      "FROM", "FULL", "GET", "GLOBAL", "GO", "GOTO", "GRANT", "GROUP", "HAVING", "HOUR",
      "IDENTITY", "IMMEDIATE", "IN", "INDICATOR", "INITIALLY", "INNER", "INPUT", "INSENSITIVE",
      "INSERT", "INT", "INTEGER", "INTERSECT", "INTERVAL", "INTO", "IS", "ISOLATION", "JOIN",
      "KEY", "LANGUAGE", "LAST", "LEADING", "LEFT", "LEVEL", "LIKE", "LOCAL", "LOWER", "MATCH",
      "MAX", "MIN", "MINUTE", "MODULE", "MONTH", "NAMES", "NATIONAL", "NATURAL", "NCHAR", "NEXT",
      "NO", "NOT", "NULL", "NULLIF", "NUMERIC", "OCTET_LENGTH", "OF", "ON", "ONLY", "OPEN",
      "OPTION", "OR", "ORDER", "OUTER", "OUTPUT", "OVERLAPS", "PAD", "PARTIAL", "POSITION",
      "PRECISION", "PREPARE", "PRESERVE", "PRIMARY", "PRIOR", "PRIVILEGES", "PROCEDURE",
      "PUBLIC", "READ", "REAL", "REFERENCES", "RELATIVE", "RESTRICT", "REVOKE", "RIGHT",
      "ROLLBACK", "ROWS", "SCHEMA", "SCROLL", "SECOND", "SECTION", "SELECT", "SESSION",
      "SESSION_USER", "SET", "SIZE", "SMALLINT", "SOME", "SPACE", "SQL", "SQLCODE", "SQLERROR",
      "SQLSTATE", "SUBSTRING", "SUM", "SYSTEM_USER", "TABLE", "TEMPORARY", "THEN", "TIME",
      "TIMESTAMP", "TIMEZONE_HOUR", "TIMEZONE_MINUTE", "TO", "TRAILING", "TRANSACTION",
      "TRANSLATE", "TRANSLATION", "TRIM", "TRUE", "UNION", "UNIQUE", "UNKNOWN", "UPDATE", "UPPER",
      "USAGE", "USER", "USING", "VALUE", "VALUES", "VARCHAR", "VARYING", "VIEW", "WHEN",
      "WHENEVER", "WHERE", "WITH", "WORK", "WRITE", "YEAR", "ZONE");

  /** Words that structure a query; seeing one where a name belongs is a syntax error. */
  private static final Set<String> STRUCTURAL = Set.of("SELECT", "FROM", "WHERE", "GROUP", "BY",
      "HAVING", "ORDER", "AND", "OR", "NOT", "ON", "JOIN", "UNION", "EXCEPT", "INTERSECT", "AS",
      "ASC", "DESC", "BETWEEN", "IN", "IS", "LIKE", "ILIKE", "THEN", "ELSE", "END", "WHEN",
      "USING", "INNER", "LEFT", "RIGHT", "FULL", "NATURAL", "OUTER", "WITH", "OFFSET", "TOP",
      "DISTINCT", "ALL", "CASE", "EXISTS", "NULL");

  /** Reserved words that are ADQL function names. */
  private static final Set<String> FUNCTIONS = Set.of("ABS", "ACOS", "AREA", "ASIN", "ATAN",
      "ATAN2", "BOX", "CEILING", "CENTROID", "CIRCLE", "CONTAINS", "COORD1", "COORD2", "COORDSYS",
      "COS", "COT", "DEGREES", "DISTANCE", "EXP", "FLOOR", "INTERSECTS", "IN_UNIT", "LOG",
      "LOG10", "MOD", "PI", "POINT", "POLYGON", "POWER", "RADIANS", "REGION", "RAND", "ROUND",
      "SIN", "SQRT", "TAN", "TRUNCATE", "LOWER", "UPPER", "COALESCE", "COUNT", "AVG", "MIN",
      "MAX", "SUM");

  private ReservedWords() {}

  static boolean isStructural(String word) {
    return STRUCTURAL.contains(word.toUpperCase(Locale.ROOT));
  }

  static boolean isFunctionName(String word) {
    return FUNCTIONS.contains(word.toUpperCase(Locale.ROOT));
  }

  static boolean isReserved(String word) {
    String upper = word.toUpperCase(Locale.ROOT);
    return ADQL.contains(upper) || SQL.contains(upper);
  }
}
