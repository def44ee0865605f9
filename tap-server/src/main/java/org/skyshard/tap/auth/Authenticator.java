package org.skyshard.tap.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapConfig;

/**
 * Tells who is calling from the {@code Authorization} header. Anonymous mode ignores the header;
 * token modes map {@code Bearer <token>} to a user and treat a request without the header as
 * anonymous. Tokens come from a file (lines {@code token user}; {@code #} starts a comment) or
 * from table {@code tap_token(token, user_id)} of the job database; {@link #reload()} re-reads
 * them (the server does so at every sweep), so lookups never touch the disk or the database.
 */
public final class Authenticator {
  /** The owner name of anonymous callers. */
  public static final String ANONYMOUS = "anonymous";

  private final Supplier<Map<String, String>> source;
  private volatile Map<String, String> users;

  private Authenticator(Supplier<Map<String, String>> source) {
    this.source = source;
    this.users = source == null ? null : source.get();
  }

  /** The authenticator {@code config} asks for. */
  public static Authenticator from(TapConfig config) {
    return switch (config.authMode()) {
      case ANONYMOUS -> new Authenticator(null);
      case TOKEN_FILE -> new Authenticator(() -> readFile(config.tokenFile()));
      case TOKEN_TABLE -> new Authenticator(() -> readTable(config));
    };
  }

  /** Re-reads the tokens (blocking: call from a worker). */
  public void reload() {
    if (source != null) {
      users = source.get();
    }
  }

  private static Map<String, String> readFile(Path file) {
    Map<String, String> m = new HashMap<>();
    try {
      int line = 0;
      for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        line++;
        String t = l.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        String[] parts = t.split("\\s+");
        if (parts.length != 2) {
          throw new IllegalArgumentException(file + ":" + line + ": expected 'token user'");
        }
        m.put(parts[0], parts[1]);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read token file " + file + ": " + e.getMessage(), e);
    }
    return Map.copyOf(m);
  }

  private static Map<String, String> readTable(TapConfig config) {
    Map<String, String> m = new HashMap<>();
    try (Connection c = DriverManager.getConnection(config.jobDbUrl(), config.jobDbUser(),
        config.jobDbPassword()); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS tap_token (token VARCHAR(256) PRIMARY KEY, "
          + "user_id VARCHAR(256) NOT NULL)");
      try (ResultSet rs = st.executeQuery("SELECT token, user_id FROM tap_token")) {
        while (rs.next()) {
          m.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read table tap_token of " + config.jobDbUrl()
          + ": " + e.getMessage(), e);
    }
    return Map.copyOf(m);
  }

  /** The user for an {@code Authorization} header value (null when absent). */
  public String user(String authorization) {
    Map<String, String> known = users;
    if (known == null || authorization == null || authorization.isBlank()) {
      return ANONYMOUS;
    }
    String v = authorization.strip();
    if (!v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Messages.unknownToken();
    }
    String user = known.get(v.substring(7).strip());
    if (user == null) {
      throw Messages.unknownToken();
    }
    return user;
  }
}
