package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyshard.adql.AdqlTranslator;
import org.skyshard.adql.TranslationContext;
import org.skyshard.query.exec.StoreIdLookup;
import org.skyshard.query.plan.CatalogLayout;
import org.skyshard.query.plan.PlanJson;
import org.skyshard.query.plan.Planner;
import org.skyshard.query.plan.QueryPlan;

/**
 * Golden EXPLAIN output: each case of {@code plans/explain.txt} is an ADQL query and the plan
 * the planner makes for the test catalog (strategy, chunks, fragment SQL, merge SQL, notes).
 * Regenerate with {@code -Dskyshard.golden.regenerate=true} and review the diff. Every plan also
 * survives a JSON round trip unchanged.
 */
class PlanGoldenTest {
  private static final String FILE = "plans/explain.txt";

  @Test
  void plansMatchTheGoldenFile() throws Exception {
    TestCatalog cat = TestCatalog.get();
    Planner planner = new Planner(new AdqlTranslator(),
        CatalogLayout.of(cat.version().manifest()), new StoreIdLookup(cat.version()));
    String text = new String(PlanGoldenTest.class.getResourceAsStream(FILE).readAllBytes(),
        StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#")) {
        header.add(line);
      } else {
        break;
      }
    }
    out.append(String.join("\n", header)).append("\n");
    int cases = 0;
    for (String block : text.split("\n== ")) {
      if (block.startsWith("#")) {
        continue;
      }
      String name = block.substring(0, block.indexOf('\n'));
      String rest = block.substring(block.indexOf('\n') + 1);
      int sep = rest.indexOf("\n-- plan\n");
      String adql = (sep < 0 ? rest : rest.substring(0, sep)).strip();
      QueryPlan plan = planner.plan(adql, TranslationContext.dp02());
      assertEquals(plan, PlanJson.read(PlanJson.write(plan)), name + ": JSON round trip");
      out.append("\n== ").append(name).append('\n').append(adql).append("\n-- plan\n")
          .append(plan.explain());
      cases++;
    }
    String expected = text.strip();
    String actual = out.toString().strip();
    if (Boolean.getBoolean("skyshard.golden.regenerate")) {
      Path src = Path.of("src/test/resources/org/skyshard/query").resolve(FILE);
      Files.writeString(src, actual + "\n");
      return;
    }
    assertEquals(expected, actual, "golden plans differ (" + cases + " cases); regenerate with"
        + " -Dskyshard.golden.regenerate=true and review the diff");
  }
}
