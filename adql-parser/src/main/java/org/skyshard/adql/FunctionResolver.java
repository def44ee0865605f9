package org.skyshard.adql;

import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns a parsed function call into a Calcite call, or rejects it with a positioned error. */
interface FunctionResolver {
  /**
   * @param name the function name token
   * @param args the parsed arguments
   * @param pos the position of the whole call
   */
  SqlNode call(Token name, List<SqlNode> args, SqlParserPos pos);
}
