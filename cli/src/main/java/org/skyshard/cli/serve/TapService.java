package org.skyshard.cli.serve;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.skyshard.checker.CheckException;
import org.skyshard.checker.LocalStoreSite;
import org.skyshard.checker.SchemaResolver;
import org.skyshard.checker.Site;
import org.skyshard.checker.SiteEndpoint;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.serving.ServedStore;
import org.skyshard.tap.Extension;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.TapServer;

/** Runs the TAP server over an engine until the JVM is asked to stop (Ctrl-C, SIGTERM). */
final class TapService {
  private TapService() {}

  /**
   * Starts, prints where to connect, and blocks until shutdown; returns the exit code. Besides
   * TAP, the service answers the replica checker's calls over {@code store}
   * ({@code POST <base>/ext/check/...}), so that {@code ./skyshard check --a URL} computes its
   * digests here and only they cross the network.
   */
  static int run(TapConfig config, CatalogEngine engine, Path store, PrintStream out)
      throws Exception {
    return run(config, engine, store, null, out);
  }

  /**
   * As {@link #run(TapConfig, CatalogEngine, Path, PrintStream)}; with a {@code clusterKey},
   * worker processes that know it may join at {@code POST <base>/ext/cluster/register}.
   */
  static int run(TapConfig config, CatalogEngine engine, Path store, String clusterKey,
      PrintStream out) throws Exception {
    Site site = checkSite(store, out);
    TapServer server = server(config, engine, site);
    if (clusterKey != null) {
      server.extension("cluster", new ClusterEndpoint(engine, clusterKey));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      try {
        server.close();
        engine.close();
        closeQuietly(site);
      } finally {
        stopped.countDown();
      }
    }, "skyshard-shutdown");
    try {
      server.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      server.close();
      engine.close();
      closeQuietly(site);
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("cannot start the TAP server on port " + config.port()
          + ": " + cause.getMessage(), cause);
    }
    Runtime.getRuntime().addShutdownHook(hook);
    String url = server.url();
    out.println();
    out.println("skyshard TAP service: " + url);
    out.println();
    out.println("  TOPCAT:  VO > Table Access Protocol (TAP) Query > TAP URL: " + url);
    out.println("  pyvo:    import pyvo; s = pyvo.dal.TAPService('" + url + "')");
    out.println("           s.search(\"SELECT TOP 10 objectId, coord_ra, coord_dec FROM"
        + " dp02_dc2_catalogs.Object WHERE CONTAINS(POINT('ICRS', coord_ra, coord_dec),"
        + " CIRCLE('ICRS', 62, -37, 0.05)) = 1\").to_table()");
    out.println("  curl:    curl '" + url + "/sync?LANG=ADQL&FORMAT=csv&QUERY="
        + "SELECT+TOP+5+objectId+FROM+dp02_dc2_catalogs.Object'");
    if (clusterKey != null) {
      out.println("  workers: ./skyshard worker --store STORE --czar " + url
          + " --cluster-key FILE");
    }
    out.println();
    out.println("Ctrl-C stops it.");
    out.flush();
    stopped.await();
    return 0;
  }

  /**
   * The TAP server of {@code engine}, answering the replica checker's calls over {@code site}
   * (which stays the caller's to close; none when null) at {@code POST <base>/ext/check/<call>}.
   */
  static TapServer server(TapConfig config, CatalogEngine engine, Site site) {
    TapServer server = new TapServer(config, engine, ServedStore.schemas());
    if (site == null) {
      return server;
    }
    SiteEndpoint check = new SiteEndpoint(site);
    return server.extension("check", (call, body) -> {
      SiteEndpoint.Reply r = check.answer(call, body);
      return new Extension.Reply(r.status(), r.body());
    });
  }

  /**
   * The store as a replica-check site, or null (with a notice) when the checker cannot read it:
   * serving TAP does not depend on it.
   */
  private static Site checkSite(Path store, PrintStream out) {
    try {
      return LocalStoreSite.open("served", store, new SchemaResolver(null));
    } catch (CheckException e) {
      out.println("replica-check calls are off: " + e.getMessage());
      return null;
    }
  }

  private static void closeQuietly(Site site) {
    if (site != null) {
      try {
        site.close();
      } catch (Exception e) {
        // shutting down
      }
    }
  }

  /** A working directory beside the store for the job database and result files. */
  static Path workDir(Path store) {
    return store.toAbsolutePath().resolve("tap");
  }
}
