package org.skyshard.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * The secret a czar and its workers share so that only workers that know it can join the
 * cluster: the first line of a file, at least 16 characters.
 */
public final class ClusterKey {
  private static final int MIN_LENGTH = 16;

  private ClusterKey() {}

  /** The key in {@code file}; {@link IllegalArgumentException} with the reason otherwise. */
  public static String read(Path file) {
    String key;
    try {
      key = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("")
          .strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the cluster key " + file + ": "
          + e.getMessage());
    }
    if (key.length() < MIN_LENGTH) {
      throw new IllegalArgumentException("the cluster key in " + file + " is shorter than "
          + MIN_LENGTH + " characters");
    }
    return key;
  }

  /** Whether {@code offered} is {@code key}, in time independent of where they differ. */
  public static boolean matches(String key, String offered) {
    return offered != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
        offered.getBytes(StandardCharsets.UTF_8));
  }
}
