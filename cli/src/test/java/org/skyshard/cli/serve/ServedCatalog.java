package org.skyshard.cli.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.skyshard.ingest.Ingest;
import org.skyshard.ingest.IngestOptions;
import org.skyshard.ingest.generate.Generator;
import org.skyshard.ingest.generate.GeneratorOptions;
import org.skyshard.ingest.generate.Progress;
import org.skyshard.ingest.store.Store;
import org.skyshard.schema.BundledSchemas;
import org.skyshard.tap.TapServer;

/**
 * One generated, ingested and served catalog shared by the test classes of this JVM (what
 * {@code ./skyshard demo} puts together, on port 0); stopped and deleted when the JVM exits.
 */
final class ServedCatalog {
  private static ServedCatalog instance;

  final Path dir;
  final Path store;
  final long objects;
  final TapServer server;
  final CatalogEngine engine;

  private ServedCatalog(Path dir) throws Exception {
    this.dir = dir;
    Path input = dir.resolve("catalog");
    this.store = dir.resolve("store");
    new Generator(GeneratorOptions.of(input, 2000).withSeed(7),
        Progress.to(new PrintWriter(new StringWriter()))).run();
    new Ingest(IngestOptions.defaults(store, input, BundledSchemas.dp02())).run();
    this.objects = Store.open(store).published().orElseThrow().manifest().table("Object")
        .orElseThrow().rows();
    this.engine = ServedStore.open(store, 2, Duration.ofMinutes(2));
    this.server = new TapServer(ServeCommand.config(store, null, "127.0.0.1", 0), engine,
        ServedStore.schemas());
    server.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static synchronized ServedCatalog get() throws Exception {
    if (instance == null) {
      ServedCatalog c = new ServedCatalog(Files.createTempDirectory("skyshard-served-"));
      Runtime.getRuntime().addShutdownHook(new Thread(c::close));
      instance = c;
    }
    return instance;
  }

  String url() {
    return server.url();
  }

  private void close() {
    try {
      server.close();
    } finally {
      engine.close();
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary directory; nothing to report at JVM exit
      }
    }
  }
}
