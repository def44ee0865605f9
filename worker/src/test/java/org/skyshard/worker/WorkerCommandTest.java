package org.skyshard.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command's options and its refusal of a directory that is not a store. */
class WorkerCommandTest {
  @TempDir Path tmp;

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine cl = new CommandLine(new WorkerCommand()).setOut(new PrintWriter(out));
    assertEquals(0, cl.execute("--help"));
    for (String o : new String[] {"--store", "--port", "--host", "--advertise", "--threads",
        "--memory-limit", "--time-limit"}) {
      assertTrue(out.toString().contains(o), out.toString());
    }
  }

  @Test
  void aDirectoryThatIsNotAStoreIsRefused() throws Exception {
    Files.writeString(tmp.resolve("x.txt"), "x");
    StringWriter err = new StringWriter();
    CommandLine cl = command(err);
    assertNotEquals(0, cl.execute("--store", tmp.toString(), "--port", "0"));
    assertTrue(err.toString().contains(tmp + " is not a skyshard store"), err.toString());
    assertNotEquals(0, cl.execute("--port", "0"), "--store is required");
  }

  @Test
  void announcingToACzarNeedsALongEnoughKey() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cl = command(err);
    assertNotEquals(0, cl.execute("--store", tmp.toString(), "--czar", "http://czar:8080/tap"));
    assertTrue(err.toString().contains("--czar needs --cluster-key FILE"), err.toString());
    Path shortKey = Files.writeString(tmp.resolve("key"), "too short\n");
    assertNotEquals(0, cl.execute("--store", tmp.toString(), "--czar", "http://czar:8080/tap",
        "--cluster-key", shortKey.toString()));
    assertTrue(err.toString().contains("shorter than 16 characters"), err.toString());
    assertNotEquals(0, cl.execute("--store", tmp.toString(), "--czar", "http://czar:8080/tap",
        "--cluster-key", tmp.resolve("absent").toString()));
    assertTrue(err.toString().contains("cannot read the cluster key"), err.toString());
  }

  /** The command, printing a failure's message (as the launcher does) to {@code err}. */
  private static CommandLine command(StringWriter err) {
    CommandLine cl = new CommandLine(new WorkerCommand()).setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println(e.getMessage());
      return 1;
    });
    return cl;
  }
}
