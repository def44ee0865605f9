package org.skyshard.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.skyshard.query.exec.MergeLimits;

/** MAXREC cuts a merge by the merge's own LIMIT, keeping its ORDER BY and OFFSET. */
class MergeLimitTest {
  @Test
  void theMergeKeepsItsOrderAndOffsetUnderMaxrec() {
    assertEquals("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 11",
        MergeLimits.limited("SELECT \"a\" FROM \"partials\" ORDER BY \"a\"", 11));
    assertEquals("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 5 OFFSET 2",
        MergeLimits.limited("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 5 OFFSET 2", 11));
    assertEquals("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 11 OFFSET 2",
        MergeLimits.limited("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 50 OFFSET 2", 11));
    assertEquals("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" LIMIT 11 OFFSET 2",
        MergeLimits.limited("SELECT \"a\" FROM \"partials\" ORDER BY \"a\" OFFSET 2", 11));
    assertEquals("SELECT 1", MergeLimits.limited("SELECT 1", -1));
  }
}
