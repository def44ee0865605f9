package org.skyshard.tap;

/**
 * A service-specific JSON call beside the TAP endpoints, mounted by
 * {@link TapServer#extension(String, Extension)} at {@code POST <base>/ext/<name>/<call>}: the
 * replica checker's digests, for instance, are answered where the data is. Calls run off the
 * event loop (they may block) and behind the service's authentication.
 */
@FunctionalInterface
public interface Extension {
  /** Answers {@code call} with the request body; never throws for a bad request. */
  Reply answer(String call, byte[] body);

  /**
   * @param status the HTTP status
   * @param json the UTF-8 JSON body
   */
  record Reply(int status, byte[] json) {}
}
