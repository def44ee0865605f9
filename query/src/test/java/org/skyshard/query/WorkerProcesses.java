package org.skyshard.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.skyshard.worker.WorkerCommand;

/**
 * Chunk workers as separate JVMs on loopback ({@code WorkerCommand}, as {@code ./skyshard
 * worker} runs it), each on port 0, over one store.
 */
final class WorkerProcesses implements AutoCloseable {
  private final List<Process> processes = new ArrayList<>();
  private final List<String> addresses = new ArrayList<>();

  WorkerProcesses(Path store, int n, Path tmp) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    for (int i = 0; i < n; i++) {
      Path jtmp = Files.createDirectories(tmp.resolve("worker-" + i));
      Process p = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "-Xmx256m", "-Djava.io.tmpdir=" + jtmp, "-cp", System.getProperty("java.class.path"),
          WorkerCommand.class.getName(), "--store", store.toString(), "--port", "0",
          "--threads", "1").redirectErrorStream(true).start();
      processes.add(p);
    }
    // a test JVM that ends abnormally must not leave workers behind
    Runtime.getRuntime().addShutdownHook(new Thread(() -> processes.forEach(
        Process::destroyForcibly), "stop-worker-processes"));
    for (Process p : processes) {
      addresses.add(awaitReady(p));
    }
  }

  private static String awaitReady(Process p) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String l; (l = out.readLine()) != null; ) {
      if (l.startsWith(WorkerCommand.READY)) {
        Thread drain = new Thread(() -> out.lines().forEach(x -> { }), "worker-output");
        drain.setDaemon(true);
        drain.start();
        return l.substring(WorkerCommand.READY.length()).split(" ")[0];
      }
      seen.append(l).append('\n');
    }
    throw new IOException("a worker exited before it was ready:\n" + seen);
  }

  List<String> addresses() {
    return addresses;
  }

  /** Kills worker {@code i} (SIGKILL) and waits for it to be gone. */
  void kill(int i) throws InterruptedException {
    processes.get(i).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
    }
    for (Process p : processes) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
