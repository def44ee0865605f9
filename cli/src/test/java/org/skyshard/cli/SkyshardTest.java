package org.skyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SkyshardTest {

  @Test
  void helpListsEveryRegisteredCommand() {
    CommandLine cl = Skyshard.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--help"));
    for (String name : cl.getSubcommands().keySet()) {
      assertTrue(out.toString().contains(name), "--help lists " + name + ":\n" + out);
    }
    assertTrue(cl.getSubcommands().keySet().containsAll(List.of("generate", "translate")));
  }

  @Test
  void everyCommandHasItsOwnHelp() {
    CommandLine cl = Skyshard.commandLine();
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      StringWriter out = new StringWriter();
      CommandLine sub = Skyshard.commandLine();
      sub.setOut(new PrintWriter(out));
      assertEquals(0, sub.execute(e.getKey(), "--help"), e.getKey());
      assertTrue(out.toString().contains("Usage: skyshard " + e.getKey()), out.toString());
    }
  }

  @Test
  void anUnknownCommandIsAUsageErrorNotAStackTrace() {
    CommandLine cl = Skyshard.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("frobnicate"));
    assertTrue(err.toString().contains("frobnicate"), err.toString());
    assertTrue(!err.toString().contains("\tat "), err.toString());
  }

  @Test
  void aBadOptionNamesItselfAndTheHelpInTwoLines() {
    CommandLine cl = Skyshard.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    assertEquals(2, cl.execute("generate", "--bogus"));
    List<String> lines = err.toString().strip().lines().toList();
    assertEquals(2, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("skyshard generate: ") && lines.get(0).contains("--bogus"),
        lines.get(0));
    assertEquals("Run 'skyshard generate --help' for the options.", lines.get(1));
  }

  @Test
  void aFailingCommandPrintsOneLine() {
    CommandLine cl = Skyshard.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    int rc = Skyshard.onFailure(new IllegalArgumentException("no such table Objekt"), cl, null);
    assertEquals(1, rc);
    assertEquals("skyshard: no such table Objekt", err.toString().strip());
  }
}
