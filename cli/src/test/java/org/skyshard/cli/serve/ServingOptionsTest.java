package org.skyshard.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skyshard.tap.TapConfig;
import picocli.CommandLine;

/** serve and demo take the same serving options, with the same defaults, into the TAP config. */
class ServingOptionsTest {
  static final Path STORE = Path.of("/data/store");

  @Test
  void serveAndDemoReadTheSameServingOptions() {
    String[] serving = {"--port", "0", "--host", "0.0.0.0", "--work-dir", "/var/tap",
        "--jobs-db", "jdbc:postgresql://db/uws", "--jobs-db-user", "uws",
        "--jobs-db-password", "secret", "--tokens", "/etc/tokens", "--query-timeout", "90",
        "--upload-hosts", "data.example.org,10.1.0.0/16", "--upload-timeout", "5",
        "--query-threads", "32", "--scan-slots", "2", "--scan-chunks", "4"};
    TapConfig expected = TapConfig.defaults(Path.of("/var/tap")).withHost("0.0.0.0").withPort(0)
        .withJobDb("jdbc:postgresql://db/uws", "uws", "secret")
        .withTokenFile(Path.of("/etc/tokens"))
        .withUploadUrlAllow(List.of("data.example.org", "10.1.0.0/16"))
        .withUploadFetchTimeout(Duration.ofSeconds(5)).withQueryThreads(32);

    ServeCommand serve = new ServeCommand();
    String[] serveArgs = new String[serving.length + 2];
    serveArgs[0] = "--store";
    serveArgs[1] = STORE.toString();
    System.arraycopy(serving, 0, serveArgs, 2, serving.length);
    new CommandLine(serve).parseArgs(serveArgs);
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs(serving);

    for (ServingOptions options : new ServingOptions[] {serve.serving, demo.serving}) {
      assertEquals(expected, options.config(STORE));
      assertEquals(Duration.ofSeconds(90), options.queryTimeout());
      assertEquals(2, options.scanLane().slots());
      assertEquals(4, options.scanLane().scanChunks());
    }
  }

  @Test
  void withoutOptionsBothServeAnonymouslyOnLocalhostWithJobsBesideTheStore() {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--store", STORE.toString());
    DemoCommand demo = new DemoCommand();
    new CommandLine(demo).parseArgs();
    TapConfig expected = TapConfig.defaults(STORE.resolve("tap")).withHost("127.0.0.1")
        .withPort(8080).withQueryThreads(16);

    for (ServingOptions options : new ServingOptions[] {serve.serving, demo.serving}) {
      TapConfig config = options.config(STORE);
      assertEquals(expected, config);
      assertEquals(TapConfig.AuthMode.ANONYMOUS, config.authMode());
      assertEquals(List.of(), config.uploadUrlAllow(), "uploads from public hosts only");
      assertEquals(Duration.ofHours(1), options.queryTimeout());
      assertEquals(1, options.scanLane().slots(), "one scan at a time");
      assertEquals(8, options.scanLane().scanChunks());
    }
  }
}
