package org.skyshard.adql;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Collections;
import java.util.WeakHashMap;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.skyshard.schema.FelisSchema;

/**
 * ADQL in, DuckDB SQL out: parses an ADQL 2.1 query, validates it with Calcite against the
 * schemas of a {@link TranslationContext}, rewrites geometry and user-defined functions into
 * plain SQL and unparses it in DuckDB's dialect. Thread-safe; reuse one instance.
 *
 * <p>Every problem with the user's query is an {@link AdqlException} with a code, line and
 * column; nothing else escapes for user input.
 */
public final class AdqlTranslator {
  private static final SqlDialect DIALECT = new DuckDbDialect();

  private final AdqlFunctions functions;
  private final RelDataTypeFactory typeFactory = new SqlTypeFactoryImpl(RelDataTypeSystem.DEFAULT);
  private final CalciteConnectionConfig config;
  /** Calcite views of the schemas, kept while callers hold the schemas (weak keys). */
  private final Map<FelisSchema, FelisCalciteSchema> schemaCache =
      Collections.synchronizedMap(new WeakHashMap<>());

  public AdqlTranslator(AdqlFunctions functions) {
    this.functions = functions;
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    this.config = new CalciteConnectionConfigImpl(props);
  }

  /** A translator with the standard catalogue ({@link AdqlFunctions#standard()}). */
  public AdqlTranslator() {
    this(AdqlFunctions.standard());
  }

  /**
   * Parses and validates {@code adql} and writes it as DuckDB SQL.
   *
   * @throws AdqlException for any problem with the query
   */
  public Translation translate(String adql, TranslationContext context) {
    return Guard.run(() -> {
      AdqlParser.Parsed parsedQuery = AdqlParser.parseWithNames(adql,
          new FunctionCalls(functions, List.of(), false), true);
      SqlNode parsed = parsedQuery.query();
      SchemaIndex index = new SchemaIndex(context.allSchemas());
      SqlValidator validator = validator(context);
      SqlNode validated;
      try {
        validated = validator.validate(parsed);
      } catch (CalciteContextException e) {
        throw ValidationErrors.map(e, adql, parsed, index);
      } catch (CalciteException e) {
        throw AdqlMessages.invalid(parsed.getParserPosition(), String.valueOf(e.getMessage()));
      }
      DelimitedNames.check(parsedQuery, index);
      try {
        List<ResultColumn> columns = new ResultColumns(validator, index).of(validated);
        String sql = write(validated, validator, index);
        return new Translation(adql, validated, sql, columns, validator);
      } catch (CalciteContextException e) {
        throw ValidationErrors.map(e, adql, parsed, index);
      }
    });
  }

  /**
   * Writes a tree derived from a translation as DuckDB SQL, with the same geometry and function
   * rewrites: {@code tree} is {@code from.validated()} or a tree a planner built from its parts
   * (a per-chunk fragment, a merge query). Nodes the validator never saw are written as they
   * are; select items keep the names they have.
   *
   * @throws AdqlException when the tree uses a geometry form that cannot be written
   */
  public String toDuckDbSql(SqlNode tree, Translation from) {
    return write(tree, from.validator(), null);
  }

  private String write(SqlNode tree, SqlValidator validator, SchemaIndex index) {
    SqlNode out = new DuckDbRewriter(functions, validator, index).rewrite(tree);
    return out.toSqlString(c -> c.withDialect(DIALECT).withAlwaysUseParentheses(false)
        .withQuoteAllIdentifiers(true).withIndentation(0)).getSql();
  }

  private SqlValidator validator(TranslationContext context) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    for (FelisSchema s : context.schemas()) {
      root.add(s.name(), schemaCache.computeIfAbsent(s, FelisCalciteSchema::new));
    }
    if (!context.uploads().isEmpty()) {
      FelisSchema uploads = context.allSchemas().get(context.allSchemas().size() - 1);
      root.add(uploads.name(), new FelisCalciteSchema(uploads));
    }
    CalciteCatalogReader reader = new CalciteCatalogReader(root, List.of(), typeFactory, config);
    SqlValidator.Config validatorConfig = SqlValidator.Config.DEFAULT
        .withIdentifierExpansion(true)
        .withConformance(SqlConformanceEnum.LENIENT)
        .withTypeCoercionFactory(BooleanComparisonCoercion::new);
    return SqlValidatorUtil.newValidator(functions.operatorTable(), reader, typeFactory,
        validatorConfig);
  }
}
