package org.skyshard.tap.vosi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the declared ADQL language features come from: the bundled list
 * ({@code adql-features.tsv}) today, the ADQL function catalogue of adql-parser later.
 */
@FunctionalInterface
public interface LanguageFeatures {

  /** The features, grouped by type in the order to declare them. */
  List<LanguageFeature> features();

  /** The list bundled with the TAP server. */
  static LanguageFeatures bundled() {
    List<LanguageFeature> list = new ArrayList<>();
    try (InputStream in = LanguageFeatures.class.getResourceAsStream("/org/skyshard/tap/adql-features.tsv");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.isBlank()) {
          String[] f = line.split("\t", -1);
          list.add(new LanguageFeature(f[0], f[1], f[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<LanguageFeature> copy = List.copyOf(list);
    return () -> copy;
  }
}
