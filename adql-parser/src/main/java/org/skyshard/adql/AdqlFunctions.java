package org.skyshard.adql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * The one function catalogue: every ADQL 2.1 function and the user-defined functions this
 * service offers (Rubin's {@code scisql_*}), each with its argument counts, the Calcite operator
 * used to validate it and the DuckDB SQL it becomes. A function that is not here cannot be
 * called, so no DuckDB function a user names ({@code read_csv}, {@code getenv} ...) can reach the
 * generated SQL.
 */
public final class AdqlFunctions {
  /** AB magnitude of a flux in nJy: -2.5 log10(f) + 31.4 (scisql); NULL unless f > 0. */
  private static final String POSITIVE = "CASE WHEN {0} > 0 AND NOT isnan(CAST({0} AS DOUBLE))"
      + " THEN ";
  private static final String HAVERSINE = "degrees(2 * asin(least(1.0, sqrt(power(sin(radians({3}"
      + " - {1}) / 2), 2) + cos(radians({1})) * cos(radians({3})) * power(sin(radians({2} - {0})"
      + " / 2), 2)))))";

  /** DuckDB functions people try; named in a clearer message than "unknown function". */
  private static final Set<String> ENGINE_FUNCTIONS = Set.of("READ_CSV", "READ_CSV_AUTO",
      "READ_PARQUET", "PARQUET_SCAN", "PARQUET_METADATA", "PARQUET_SCHEMA", "READ_JSON",
      "READ_JSON_AUTO", "READ_TEXT", "READ_BLOB", "GETENV", "GLOB", "QUERY", "QUERY_TABLE",
      "SYSTEM", "SQLITE_SCAN", "POSTGRES_SCAN", "READ_NDJSON", "CURRENT_SETTING", "DUCKDB_SETTINGS",
      "DUCKDB_EXTENSIONS", "LOAD", "INSTALL", "EXPORT_DATABASE", "HTTPFS");

  private final Map<String, AdqlFunction> byName;
  private final Map<SqlOperator, AdqlFunction> byOperator = new java.util.IdentityHashMap<>();
  private final SqlOperatorTable operatorTable;

  private AdqlFunctions(List<AdqlFunction> functions) {
    Map<String, AdqlFunction> m = new LinkedHashMap<>();
    List<SqlOperator> ops = new ArrayList<>();
    for (AdqlFunction f : functions) {
      m.put(f.name(), f);
      byOperator.putIfAbsent(f.operator(), f);
      if (f.operator() instanceof AdqlOperator) {
        ops.add(f.operator());
      }
    }
    ops.add(SqlLibraryOperators.ILIKE);
    ops.add(SqlLibraryOperators.NOT_ILIKE);
    this.byName = Collections.unmodifiableMap(m);
    this.operatorTable = SqlOperatorTables.chain(SqlStdOperatorTable.instance(),
        SqlOperatorTables.of(ops));
  }

  /** ADQL 2.1's functions and the scisql user-defined functions. */
  public static AdqlFunctions standard() {
    List<AdqlFunction> f = new ArrayList<>();
    // Mathematical functions (ADQL 2.1 section 2.3.1).
    std(f, "ABS", 1, 1, SqlStdOperatorTable.ABS, "abs({0})");
    std(f, "CEILING", 1, 1, SqlStdOperatorTable.CEIL, "ceil({0})");
    std(f, "DEGREES", 1, 1, SqlStdOperatorTable.DEGREES, "degrees({0})");
    std(f, "EXP", 1, 1, SqlStdOperatorTable.EXP, "exp({0})");
    std(f, "FLOOR", 1, 1, SqlStdOperatorTable.FLOOR, "floor({0})");
    std(f, "LOG", 1, 1, SqlStdOperatorTable.LN, "ln({0})");
    std(f, "LOG10", 1, 1, SqlStdOperatorTable.LOG10, "log10({0})");
    std(f, "MOD", 2, 2, SqlStdOperatorTable.MOD, "mod({0}, {1})");
    std(f, "PI", 0, 0, SqlStdOperatorTable.PI, "pi()");
    std(f, "POWER", 2, 2, SqlStdOperatorTable.POWER, "power({0}, {1})");
    std(f, "RADIANS", 1, 1, SqlStdOperatorTable.RADIANS, "radians({0})");
    std(f, "RAND", 0, 1, SqlStdOperatorTable.RAND, "random()");
    std(f, "ROUND", 1, 2, SqlStdOperatorTable.ROUND, "round({*})");
    std(f, "SQRT", 1, 1, SqlStdOperatorTable.SQRT, "sqrt({0})");
    std(f, "TRUNCATE", 1, 2, SqlStdOperatorTable.TRUNCATE, "trunc({*})");
    // Trigonometric functions (section 2.3.2).
    trig(f, "ACOS", SqlStdOperatorTable.ACOS);
    trig(f, "ASIN", SqlStdOperatorTable.ASIN);
    trig(f, "ATAN", SqlStdOperatorTable.ATAN);
    f.add(new AdqlFunction("ATAN2", 2, 2, AdqlFunction.Category.TRIG, SqlStdOperatorTable.ATAN2,
        "atan2({0}, {1})"));
    trig(f, "COS", SqlStdOperatorTable.COS);
    trig(f, "COT", SqlStdOperatorTable.COT);
    trig(f, "SIN", SqlStdOperatorTable.SIN);
    trig(f, "TAN", SqlStdOperatorTable.TAN);
    // String functions (section 2.3.4).
    f.add(new AdqlFunction("LOWER", 1, 1, AdqlFunction.Category.STRING, SqlStdOperatorTable.LOWER,
        "lower({0})"));
    f.add(new AdqlFunction("UPPER", 1, 1, AdqlFunction.Category.STRING, SqlStdOperatorTable.UPPER,
        "upper({0})"));
    f.add(new AdqlFunction("COALESCE", 1, -1, AdqlFunction.Category.CONVERSION,
        SqlStdOperatorTable.COALESCE, "coalesce({*})"));
    // Bitwise operators (section 2.2.4), written & | ^ ~ in queries.
    bitwise(f, "BIT_AND", 2, "{0} & {1}");
    bitwise(f, "BIT_OR", 2, "{0} | {1}");
    bitwise(f, "BIT_XOR", 2, "xor({0}, {1})");
    bitwise(f, "BIT_NOT", 1, "~{0}");
    // Geometry (section 2.4): the rewriter turns these into arithmetic.
    SqlReturnTypeInference geometry = nullable(SqlTypeName.GEOMETRY);
    geo(f, "POINT", 2, 3, geometry);
    geo(f, "CIRCLE", 2, 4, geometry);
    geo(f, "BOX", 3, 5, geometry);
    geo(f, "POLYGON", 3, -1, geometry);
    geo(f, "REGION", 1, 1, geometry);
    geo(f, "CENTROID", 1, 1, geometry);
    geo(f, "CONTAINS", 2, 2, nullable(SqlTypeName.INTEGER));
    geo(f, "INTERSECTS", 2, 2, nullable(SqlTypeName.INTEGER));
    geo(f, "DISTANCE", 2, 4, nullable(SqlTypeName.DOUBLE));
    geo(f, "AREA", 1, 1, nullable(SqlTypeName.DOUBLE));
    geo(f, "COORD1", 1, 1, nullable(SqlTypeName.DOUBLE));
    geo(f, "COORD2", 1, 1, nullable(SqlTypeName.DOUBLE));
    geo(f, "COORDSYS", 1, 1, nullable(SqlTypeName.VARCHAR));
    geo(f, "CAST_POINT", 1, 1, geometry);
    geo(f, "CAST_CIRCLE", 1, 1, geometry);
    geo(f, "CAST_POLYGON", 1, 1, geometry);
    f.add(new AdqlFunction("IN_UNIT", 2, 2, AdqlFunction.Category.CONVERSION,
        new AdqlOperator("IN_UNIT", nullable(SqlTypeName.DOUBLE),
            OperandTypes.family(org.apache.calcite.sql.type.SqlTypeFamily.NUMERIC,
                org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.NUMERIC), null));
    // Rubin's scisql photometry UDFs: NULL for a NULL, NaN or non-positive flux, never an error.
    udf(f, "scisql_nanojanskyToAbMag", 1, POSITIVE + "-2.5 * log10({0}) + 31.4 END");
    udf(f, "scisql_nanojanskyToAbMagSigma", 2,
        POSITIVE + "1.0857362047581294 * {1} / {0} END");
    udf(f, "scisql_abMagToNanojansky", 1, "power(10.0, (31.4 - {0}) / 2.5)");
    udf(f, "scisql_abMagToNanojanskySigma", 2,
        "power(10.0, (31.4 - {0}) / 2.5) * {1} * 0.9210340371976184");
    udf(f, "scisql_fluxToAbMag", 1, POSITIVE + "-2.5 * log10({0}) - 48.6 END");
    udf(f, "scisql_fluxToAbMagSigma", 2, POSITIVE + "1.0857362047581294 * {1} / {0} END");
    udf(f, "scisql_abMagToFlux", 1, "power(10.0, -0.4 * ({0} + 48.6))");
    udf(f, "scisql_abMagToFluxSigma", 2,
        "power(10.0, -0.4 * ({0} + 48.6)) * {1} * 0.9210340371976184");
    udf(f, "scisql_angSep", 4, HAVERSINE);
    f.add(new AdqlFunction("SCISQL_S2PTINCIRCLE", 5, 5, AdqlFunction.Category.UDF,
        new AdqlOperator("scisql_s2PtInCircle", nullable(SqlTypeName.INTEGER),
            OperandTypes.repeat(SqlOperandCountRanges.of(5), OperandTypes.NUMERIC),
            SqlFunctionCategory.USER_DEFINED_FUNCTION),
        "CASE WHEN " + HAVERSINE + " <= {4} THEN 1 ELSE 0 END"));
    f.add(new AdqlFunction("SCISQL_S2PTINBOX", 6, 6, AdqlFunction.Category.UDF,
        new AdqlOperator("scisql_s2PtInBox", nullable(SqlTypeName.INTEGER),
            OperandTypes.repeat(SqlOperandCountRanges.of(6), OperandTypes.NUMERIC),
            SqlFunctionCategory.USER_DEFINED_FUNCTION),
        "CASE WHEN {1} BETWEEN {3} AND {5} AND {0} BETWEEN {2} AND {4} THEN 1 ELSE 0 END"));
    return new AdqlFunctions(f);
  }

  /**
   * The user-defined functions as TAPRegExt declares them in {@code /capabilities}
   * ({@code <feature><form>...</form></feature>} of type
   * {@code ivo://ivoa.net/std/TAPRegExt#features-udf}).
   */
  public List<String> udfForms() {
    List<String> forms = new ArrayList<>();
    for (AdqlFunction f : byName.values()) {
      if (f.category() != AdqlFunction.Category.UDF) {
        continue;
      }
      String name = f.operator().getName();
      String params = switch (name.toUpperCase(Locale.ROOT)) {
        case "SCISQL_NANOJANSKYTOABMAG", "SCISQL_FLUXTOABMAG" -> "flux DOUBLE";
        case "SCISQL_NANOJANSKYTOABMAGSIGMA", "SCISQL_FLUXTOABMAGSIGMA" ->
            "flux DOUBLE, fluxSigma DOUBLE";
        case "SCISQL_ABMAGTONANOJANSKY", "SCISQL_ABMAGTOFLUX" -> "mag DOUBLE";
        case "SCISQL_ABMAGTONANOJANSKYSIGMA", "SCISQL_ABMAGTOFLUXSIGMA" ->
            "mag DOUBLE, magSigma DOUBLE";
        case "SCISQL_ANGSEP" -> "ra1 DOUBLE, dec1 DOUBLE, ra2 DOUBLE, dec2 DOUBLE";
        case "SCISQL_S2PTINCIRCLE" ->
            "ra DOUBLE, dec DOUBLE, raCenter DOUBLE, decCenter DOUBLE, radius DOUBLE";
        case "SCISQL_S2PTINBOX" -> "ra DOUBLE, dec DOUBLE, raMin DOUBLE, decMin DOUBLE,"
            + " raMax DOUBLE, decMax DOUBLE";
        default -> throw new AdqlInternalError("no signature for " + name);
      };
      String result = name.toUpperCase(Locale.ROOT).startsWith("SCISQL_S2PT") ? "INTEGER"
          : "DOUBLE";
      forms.add(name + "(" + params + ") -> " + result);
    }
    return forms;
  }

  /**
   * The unit of a function's result when it has a fixed one (magnitudes, fluxes, angles), as
   * result metadata reports it; null otherwise.
   */
  public static String resultUnit(String functionName) {
    return switch (functionName.toUpperCase(Locale.ROOT)) {
      case "SCISQL_NANOJANSKYTOABMAG", "SCISQL_NANOJANSKYTOABMAGSIGMA", "SCISQL_FLUXTOABMAG",
          "SCISQL_FLUXTOABMAGSIGMA" -> "mag";
      case "SCISQL_ABMAGTONANOJANSKY", "SCISQL_ABMAGTONANOJANSKYSIGMA" -> "nJy";
      case "SCISQL_ABMAGTOFLUX", "SCISQL_ABMAGTOFLUXSIGMA" -> "erg/s/cm2/Hz";
      case "DISTANCE", "COORD1", "COORD2", "SCISQL_ANGSEP", "DEGREES" -> "deg";
      case "RADIANS" -> "rad";
      case "AREA" -> "deg2";
      default -> null;
    };
  }

  /** A function by name, case-insensitively. */
  public Optional<AdqlFunction> find(String name) {
    return Optional.ofNullable(byName.get(name.toUpperCase(Locale.ROOT)));
  }

  /** The entry whose operator is {@code op}, if any. */
  Optional<AdqlFunction> byOperator(SqlOperator op) {
    return Optional.ofNullable(byOperator.get(op));
  }

  /** Every function, in catalogue order. */
  public Collection<AdqlFunction> all() {
    return byName.values();
  }

  /** Names users may call, for suggestions. */
  Collection<String> names() {
    List<String> names = new ArrayList<>();
    for (AdqlFunction f : byName.values()) {
      if (!f.name().startsWith("CAST_") && !f.name().startsWith("BIT_")) {
        names.add(f.operator().getName().startsWith("scisql") ? f.operator().getName() : f.name());
      }
    }
    return names;
  }

  /** True for the names of DuckDB table and system functions. */
  static boolean isEngineFunction(String name) {
    return ENGINE_FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
  }

  /** The operator table Calcite validates with: the standard one plus this catalogue's. */
  public SqlOperatorTable operatorTable() {
    return operatorTable;
  }

  private static SqlReturnTypeInference nullable(SqlTypeName type) {
    return ReturnTypes.explicit(type).andThen(SqlTypeTransforms.TO_NULLABLE);
  }

  private static void std(List<AdqlFunction> f, String name, int min, int max, SqlOperator op,
      String duckdb) {
    f.add(new AdqlFunction(name, min, max, AdqlFunction.Category.MATH, op, duckdb));
  }

  private static void trig(List<AdqlFunction> f, String name, SqlOperator op) {
    f.add(new AdqlFunction(name, 1, 1, AdqlFunction.Category.TRIG, op,
        name.toLowerCase(Locale.ROOT) + "({0})"));
  }

  private static void bitwise(List<AdqlFunction> f, String name, int args, String duckdb) {
    f.add(new AdqlFunction(name, args, args, AdqlFunction.Category.BITWISE,
        new AdqlOperator(name, ReturnTypes.LEAST_RESTRICTIVE.andThen(SqlTypeTransforms.TO_NULLABLE),
            OperandTypes.repeat(SqlOperandCountRanges.of(args), OperandTypes.INTEGER),
            SqlFunctionCategory.NUMERIC),
        duckdb));
  }

  private static void geo(List<AdqlFunction> f, String name, int min, int max,
      SqlReturnTypeInference returnType) {
    f.add(new AdqlFunction(name, min, max, AdqlFunction.Category.GEOMETRY,
        new AdqlOperator(name, returnType,
            OperandTypes.variadic(max < 0 ? SqlOperandCountRanges.from(min)
                : SqlOperandCountRanges.between(min, max)),
            SqlFunctionCategory.SYSTEM),
        null));
  }

  private static void udf(List<AdqlFunction> f, String name, int args, String duckdb) {
    f.add(new AdqlFunction(name.toUpperCase(Locale.ROOT), args, args, AdqlFunction.Category.UDF,
        new AdqlOperator(name, nullable(SqlTypeName.DOUBLE),
            OperandTypes.repeat(SqlOperandCountRanges.of(args), OperandTypes.NUMERIC),
            SqlFunctionCategory.USER_DEFINED_FUNCTION),
        duckdb));
  }
}
