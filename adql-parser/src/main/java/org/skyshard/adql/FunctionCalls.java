package org.skyshard.adql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * Resolves function calls against the {@link AdqlFunctions} catalogue, checking argument counts
 * and the shapes of geometry arguments. In syntax-only mode it also accepts the user-defined
 * functions a caller declares and any {@code ivo_} function (ADQL 2.1 reserves that prefix for
 * IVOA-registered UDFs).
 */
final class FunctionCalls implements FunctionResolver {
  private final AdqlFunctions catalogue;
  private final List<UdfSignature> declared;
  private final boolean syntaxOnly;

  FunctionCalls(AdqlFunctions catalogue, List<UdfSignature> declared, boolean syntaxOnly) {
    this.catalogue = catalogue;
    this.declared = List.copyOf(declared);
    this.syntaxOnly = syntaxOnly;
  }

  @Override
  public SqlNode call(Token name, List<SqlNode> args, SqlParserPos pos) {
    Optional<AdqlFunction> found = catalogue.find(name.text());
    if (found.isPresent()) {
      AdqlFunction f = found.get();
      if (!f.acceptsArgs(args.size())) {
        throw AdqlMessages.wrongArity(pos, name.text(), args.size(), f.arityText());
      }
      if (f.category() == AdqlFunction.Category.GEOMETRY) {
        String expected = GeometryShapes.check(f.name(), args);
        if (expected != null) {
          throw AdqlMessages.badGeometryArgument(pos, name.text(), expected);
        }
      }
      return f.operator().createCall(pos, args);
    }
    if (syntaxOnly) {
      for (UdfSignature udf : declared) {
        if (udf.matches(name.text())) {
          if (udf.arity() != args.size()) {
            throw AdqlMessages.wrongArity(pos, name.text(), args.size(),
                Integer.toString(udf.arity()));
          }
          return userFunction(name.text(), args, pos);
        }
      }
      if (name.text().toLowerCase(Locale.ROOT).startsWith("ivo_")) {
        return userFunction(name.text(), args, pos);
      }
    }
    if (ReservedWords.isReserved(name.text())) {
      throw AdqlMessages.reservedWord(name);
    }
    if (AdqlFunctions.isEngineFunction(name.text())) {
      throw AdqlMessages.forbiddenFunction(name.pos(), name.text());
    }
    throw AdqlMessages.unknownFunction(name.pos(), name.text(),
        AdqlMessages.closest(name.text(), catalogue.names()));
  }

  private static SqlNode userFunction(String name, List<SqlNode> args, SqlParserPos pos) {
    AdqlOperator op = new AdqlOperator(name, ReturnTypes.DOUBLE_NULLABLE,
        OperandTypes.VARIADIC, SqlFunctionCategory.USER_DEFINED_FUNCTION);
    return op.createCall(pos, args);
  }
}
