package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.skyshard.schema.FelisSchema;
import org.skyshard.tap.pg.LocalPostgres;

/**
 * PostgreSQL 15 + q3c in a private throw-away cluster ({@link LocalPostgres}), tuned for the
 * machine ({@link PgTuning}), loaded with COPY and indexed ({@link PgLoader}). Clients connect
 * over JDBC on the loopback interface. Closing stops the cluster and deletes it.
 */
public final class PostgresPeer implements Engine {
  private final LocalPostgres pg;
  private final ProcessTreeMemory memory;

  private PostgresPeer(LocalPostgres pg) {
    this.pg = pg;
    this.memory = new ProcessTreeMemory(() -> PgControl.postmasterPid(pg));
  }

  /** Starts, tunes and loads a cluster; adds its load steps to {@code steps}. */
  public static PostgresPeer open(Path release, List<String> tables, FelisSchema schema,
      Path scratch, Log log, List<LoadStep> steps) {
    DebianPackages.ensure(log);
    LocalPostgres pg;
    long t0 = System.nanoTime();
    try {
      pg = LocalPostgres.start();
    } catch (IllegalStateException e) {
      throw new BenchException(BenchMessages.noPostgres(e.getMessage()), e);
    }
    PostgresPeer peer = new PostgresPeer(pg);
    try {
      Map<String, String> settings = PgTuning.settings(PgTuning.machineRam(),
          Runtime.getRuntime().availableProcessors());
      try (Connection c = peer.connect(); Statement st = c.createStatement()) {
        for (Map.Entry<String, String> s : settings.entrySet()) {
          st.execute("ALTER SYSTEM SET " + s.getKey() + " = '" + s.getValue() + "'");
        }
      }
      PgControl.restart(pg);
      steps.add(new LoadStep(EngineId.POSTGRES, "initdb, tune, restart", (System.nanoTime() - t0)
          / 1e9, -1));
      log.info("PostgreSQL 15 on port %d, shared_buffers %s", pg.port(),
          settings.get("shared_buffers"));
      try (Connection c = peer.connect()) {
        new PgLoader(c, schema, scratch, log, steps).load(release, tables);
      }
      return peer;
    } catch (SQLException | IOException | RuntimeException e) {
      peer.close();
      if (e instanceof BenchException b) {
        throw b;
      }
      throw new BenchException(BenchMessages.loadFailed("PostgreSQL", String.join(",", tables),
          e.getMessage()), e);
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", pg.user());
    return DriverManager.getConnection(pg.jdbcUrl(), p);
  }

  @Override
  public EngineId id() {
    return EngineId.POSTGRES;
  }

  @Override
  public Session open() {
    try {
      // fetch size 0 (the driver reads the whole result): a row-limited portal would forbid
      // parallel plans, and every result of the mix fits in memory.
      return new JdbcSession(EngineId.POSTGRES, connect(), Dialect.POSTGRES, 0);
    } catch (SQLException e) {
      throw new BenchException(BenchMessages.queryFailed("PostgreSQL", "connect",
          e.getMessage()), e);
    }
  }

  @Override
  public MemoryProbe memory() {
    return memory;
  }

  @Override
  public void close() {
    memory.close();
    pg.close();
  }
}
