package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.skyshard.tap.pg.LocalPostgres;

/** The throw-away PostgreSQL cluster: it serves SQL, and closing it stops it and removes it. */
class LocalPostgresTest {
  @Test
  void startsServesAndCleansUp() throws Exception {
    int port;
    Path dir;
    try (LocalPostgres pg = LocalPostgres.start()) {
      port = pg.port();
      dir = pg.directory();
      assertEquals(true, Files.exists(dir.resolve("data/postmaster.pid")));
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), null);
          ResultSet rs = c.createStatement().executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
        rs.next();
        assertEquals(15, rs.getInt(1));
      }
    }
    assertThrows(java.sql.SQLException.class,
        () -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", LocalPostgres.USER, null));
    assertFalse(Files.exists(dir), "the cluster directory is deleted");
  }

  @Test
  void missingBinariesFailWithAClearMessage() {
    String old = System.getProperty("skyshard.pg.bin");
    System.setProperty("skyshard.pg.bin", "/nonexistent/bin");
    try {
      IllegalStateException e = assertThrows(IllegalStateException.class, LocalPostgres::start);
      assertEquals(true, e.getMessage().contains("apt-get install -y postgresql-15"), e.getMessage());
    } finally {
      if (old == null) {
        System.clearProperty("skyshard.pg.bin");
      } else {
        System.setProperty("skyshard.pg.bin", old);
      }
    }
  }
}
