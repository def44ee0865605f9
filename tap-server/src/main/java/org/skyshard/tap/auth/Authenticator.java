package org.skyshard.tap.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapConfig;

/**
 * Tells who is calling from the {@code Authorization} header. Anonymous mode ignores the header;
 * token mode maps {@code Bearer <token>} to a user through a token file (lines {@code token user};
 * {@code #} starts a comment) and treats a request without the header as anonymous.
 */
public final class Authenticator {
  /** The owner name of anonymous callers. */
  public static final String ANONYMOUS = "anonymous";

  private final Map<String, String> users;

  private Authenticator(Map<String, String> users) {
    this.users = users;
  }

  /** The authenticator {@code config} asks for. */
  public static Authenticator from(TapConfig config) {
    if (config.authMode() == TapConfig.AuthMode.ANONYMOUS) {
      return new Authenticator(null);
    }
    return new Authenticator(readTokens(config.tokenFile()));
  }

  private static Map<String, String> readTokens(Path file) {
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

  /** The user for an {@code Authorization} header value (null when absent). */
  public String user(String authorization) {
    if (users == null || authorization == null || authorization.isBlank()) {
      return ANONYMOUS;
    }
    String v = authorization.strip();
    if (!v.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Messages.unknownToken();
    }
    String user = users.get(v.substring(7).strip());
    if (user == null) {
      throw Messages.unknownToken();
    }
    return user;
  }
}
