package org.skyshard.adql;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.skyshard.schema.FelisLoader;
import org.skyshard.schema.FelisSchema;
import org.skyshard.schema.TapSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./skyshard translate}: ADQL (an argument, or standard input) to DuckDB SQL, exit 0; or
 * the positioned error {@code line:column: message}, exit 1. With {@code --tsv FILE} (columns
 * {@code id} and {@code query}, COPY-style escapes) it prints one line per row,
 * {@code id<TAB>valid|invalid<TAB>sql-or-message}, with newlines in the SQL escaped as
 * {@code \n}.
 */
@Command(name = "translate", mixinStandardHelpOptions = true,
    description = "Translate ADQL to DuckDB SQL, or print the positioned error.")
public final class TranslateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ADQL",
      description = "The query; read from standard input when absent.")
  String adql;

  @Option(names = "--tsv", paramLabel = "FILE",
      description = "Translate every row of a TSV file with columns id and query.")
  Path tsv;

  @Option(names = "--schema", paramLabel = "FELIS_YAML",
      description = "Validate against this Felis schema instead of the bundled DP0.2 ones"
          + " (repeatable; TAP_SCHEMA is always added).")
  List<Path> schemas = new ArrayList<>();

  @Option(names = "--syntax-only",
      description = "Check the ADQL grammar and function signatures only; tables need not"
          + " exist (a TSV's udf_forms column declares user-defined functions).")
  boolean syntaxOnly;

  private final AdqlTranslator translator;
  private final InputStream stdin;

  public TranslateCommand() {
    this(new AdqlTranslator(), System.in);
  }

  public TranslateCommand(AdqlTranslator translator, InputStream stdin) {
    this.translator = translator;
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TranslationContext context = context();
    if (tsv != null) {
      try (Reader in = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
        for (Map<String, String> row : Tsv.read(in)) {
          out.println(row.getOrDefault("id", "") + "\t" + line(row, context));
        }
      }
      out.flush();
      return 0;
    }
    String query = adql != null ? adql : new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
    try {
      out.println(syntaxOnly ? "valid" : translator.translate(query, context).duckdbSql());
      out.flush();
      return 0;
    } catch (AdqlException e) {
      err.println(e.getMessage());
      err.println(ErrorDisplay.excerpt(query, e));
      err.flush();
      return 1;
    }
  }

  private String line(Map<String, String> row, TranslationContext context) {
    String query = row.getOrDefault("query", "");
    try {
      if (syntaxOnly) {
        List<UdfSignature> udfs = new ArrayList<>();
        for (String form : row.getOrDefault("udf_forms", "").split(";")) {
          if (!form.isBlank()) {
            udfs.add(UdfSignature.parse(form));
          }
        }
        new AdqlSyntax(AdqlFunctions.standard()).check(query, udfs);
        return "valid\t";
      }
      return "valid\t" + escape(translator.translate(query, context).duckdbSql());
    } catch (AdqlException e) {
      return "invalid\t" + escape(e.getMessage());
    }
  }

  private TranslationContext context() {
    if (schemas.isEmpty()) {
      return TranslationContext.dp02();
    }
    List<FelisSchema> loaded = new ArrayList<>();
    for (Path p : schemas) {
      loaded.add(FelisLoader.load(p));
    }
    loaded.add(TapSchema.definition());
    return TranslationContext.of(loaded);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
  }
}
