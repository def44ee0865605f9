package org.skyshard.checker;

import java.nio.file.Path;

/** Every user-facing message of the checker that ends a check (exit 2). */
final class CheckMessages {
  private CheckMessages() {}

  static CheckException notAStore(String site, Path dir) {
    return new CheckException("site " + site + ": " + dir + " is not a skyshard store"
        + " (no skyshard-store.json)");
  }

  static CheckException missing(String site, Path dir) {
    return new CheckException("site " + site + ": " + dir + " does not exist or is not a directory");
  }

  static CheckException nothingPublished(String site, Path dir) {
    return new CheckException("site " + site + ": store " + dir + " has no published version");
  }

  static CheckException unreadable(String site, String what, Throwable cause) {
    String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new CheckException("site " + site + ": cannot read " + what + ": "
        + m.lines().findFirst().orElse(m), cause);
  }

  static CheckException unknownSchema(String site, String name) {
    return new CheckException("site " + site + ": schema " + name
        + " is not bundled; give its Felis file with --schema");
  }

  static CheckException incompatibleSchemas(String a, String b) {
    return new CheckException("incompatible schemas: site A holds " + a + ", site B holds " + b);
  }

  static CheckException noSuchTable(String table) {
    return new CheckException("table " + table + " is on neither site");
  }

  static CheckException unreachable(String site, java.net.URI url, String why) {
    return new CheckException("site " + site + ": cannot reach " + url + ": " + why);
  }

  static CheckException noCheckExtension(String site, java.net.URI url) {
    return new CheckException("site " + site + ": " + url + " offers no replica-check extension"
        + " (POST " + url + SiteProtocol.PATH + SiteProtocol.STRUCTURE + " answered 404);"
        + " give the TAP base URL of a ./skyshard serve that mounts it");
  }

  static CheckException remoteFailed(String site, String call, int status, String message) {
    return new CheckException("site " + site + ": " + call + " failed (HTTP " + status + "): "
        + message);
  }

  static CheckException otherJournal(Path file, String was, String is) {
    return new CheckException("journal " + file + " belongs to another check (" + was
        + "), not this one (" + is + "); remove it or give another --resume file");
  }

  static CheckException journal(Path file, java.io.IOException e) {
    return new CheckException("journal " + file + ": cannot read or write it: "
        + e.getMessage());
  }
}
