package org.skyshard.adql;

import java.util.function.Supplier;

/**
 * The last line of defence for user input: a stack overflow on a pathological query becomes a
 * positioned user error instead of escaping.
 */
final class Guard {
  private Guard() {}

  static <T> T run(Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      throw new AdqlException("ADQL-202", 1, 1, "the query is too deeply nested to process");
    }
  }
}
