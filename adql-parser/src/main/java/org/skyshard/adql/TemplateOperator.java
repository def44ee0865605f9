package org.skyshard.adql;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;

/**
 * An output-only operator: unparses as a fixed DuckDB SQL template with its operands put in
 * place of {@code {0}}, {@code {1}} ... ({@code {*}} is all operands, comma-separated). Operands
 * other than names and literals are parenthesised. Only the rewriter creates these calls, from
 * the function catalogue, so nothing a user types reaches the SQL through a template.
 */
final class TemplateOperator extends SqlSpecialOperator {
  private final String template;
  private final boolean selfDelimited;

  TemplateOperator(String name, String template) {
    // Highest precedence: a template is always a function call or parenthesised, so operators
    // around it never need to add parentheses.
    super(name, SqlKind.OTHER_FUNCTION, 100);
    this.template = template;
    this.selfDelimited = isFunctionCall(template);
  }

  /** True for {@code name(...)} where the first '(' closes at the very end. */
  private static boolean isFunctionCall(String t) {
    int open = t.indexOf('(');
    if (open <= 0 || !t.endsWith(")") || !t.substring(0, open).matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return false;
    }
    int level = 0;
    for (int i = open; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '(') {
        level++;
      } else if (c == ')') {
        level--;
        if (level == 0 && i != t.length() - 1) {
          return false;
        }
      } else if (c == '\'') {
        return false;
      }
    }
    return level == 0;
  }

  String template() {
    return template;
  }

  @Override
  public void unparse(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    SqlWriter.Frame frame = selfDelimited ? writer.startList("", "") : writer.startList("(", ")");
    int i = 0;
    StringBuilder text = new StringBuilder();
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close > i) {
        flush(writer, text);
        String key = template.substring(i + 1, close);
        if (key.equals("*")) {
          for (int k = 0; k < call.operandCount(); k++) {
            if (k > 0) {
              writer.print(", ");
            }
            operand(writer, call.operand(k));
          }
        } else {
          boolean delimited = delimitedBefore(template, i) && delimitedAfter(template, close + 1);
          SqlNode operand = call.operand(Integer.parseInt(key));
          if (delimited) {
            operand.unparse(writer, 0, 0);
          } else {
            operand(writer, operand);
          }
        }
        i = close + 1;
      } else {
        text.append(c);
        i++;
      }
    }
    flush(writer, text);
    writer.endList(frame);
  }

  private static boolean delimitedBefore(String t, int i) {
    String before = t.substring(0, i).stripTrailing();
    return before.endsWith("(") || before.endsWith(",");
  }

  private static boolean delimitedAfter(String t, int i) {
    String after = t.substring(i).stripLeading();
    return after.startsWith(")") || after.startsWith(",");
  }

  private static void flush(SqlWriter writer, StringBuilder text) {
    if (text.length() > 0) {
      writer.print(text.toString());
      text.setLength(0);
    }
  }

  private static void operand(SqlWriter writer, SqlNode node) {
    if (node instanceof SqlIdentifier || node instanceof SqlLiteral) {
      node.unparse(writer, 0, 0);
    } else {
      SqlWriter.Frame f = writer.startList("(", ")");
      node.unparse(writer, 0, 0);
      writer.endList(f);
    }
  }
}
