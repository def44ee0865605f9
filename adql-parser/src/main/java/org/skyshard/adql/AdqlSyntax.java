package org.skyshard.adql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * Syntax-only checking: the ADQL 2.1 grammar, function names and argument counts, but no
 * schema (tables and columns need not exist). This is what an ADQL validator corpus tests.
 */
public final class AdqlSyntax {
  private final AdqlFunctions functions;

  public AdqlSyntax(AdqlFunctions functions) {
    this.functions = functions;
  }

  /**
   * Parses {@code adql}, accepting calls of the {@code declared} user-defined functions.
   *
   * @return the parse tree
   * @throws AdqlException when the query is not valid ADQL
   */
  public SqlNode check(String adql, List<UdfSignature> declared) {
    return Guard.run(() -> AdqlParser.parse(adql, new FunctionCalls(functions, declared, true),
        false));
  }
}
