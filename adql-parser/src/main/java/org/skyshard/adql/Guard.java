package org.skyshard.adql;

import java.util.function.Supplier;

/**
 * The last line of defence for user input: whatever happens while translating a query, the
 * caller gets an {@link AdqlException}. A stack overflow on a pathological query becomes
 * ADQL-202; an unexpected exception (a bug in the translator, which the depth limits and tests
 * should make impossible) becomes ADQL-900 with the original exception as its cause, for the
 * log.
 */
final class Guard {
  private Guard() {}

  static <T> T run(Supplier<T> work) {
    try {
      return work.get();
    } catch (AdqlException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw new AdqlException("ADQL-202", 1, 1, "the query is too deeply nested to process");
    } catch (RuntimeException | AssertionError e) {
      throw AdqlMessages.internal(e);
    }
  }
}
