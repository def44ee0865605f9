package org.skyshard.adql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user-defined function a query may call in syntax-only checking, as TAPRegExt declares it:
 * {@code ivo_healpix_index(hpxOrder INTEGER, long REAL, lat REAL) -> BIGINT}.
 *
 * @param name the function name
 * @param arity the number of arguments
 */
public record UdfSignature(String name, int arity) {
  private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_]*)\\s*\\((.*)\\)"
      + "\\s*->.*");

  /** Parses a TAPRegExt function form. */
  public static UdfSignature parse(String form) {
    Matcher m = FORM.matcher(form);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a function form: " + form);
    }
    String params = m.group(2).trim();
    int arity = params.isEmpty() ? 0 : params.split(",").length;
    return new UdfSignature(m.group(1), arity);
  }

  boolean matches(String called) {
    return name.toLowerCase(Locale.ROOT).equals(called.toLowerCase(Locale.ROOT));
  }
}
