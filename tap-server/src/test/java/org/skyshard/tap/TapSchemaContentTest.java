package org.skyshard.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.skyshard.schema.BundledSchemas;

/** TAP_SCHEMA as served for DP0.2: what taplint checks of size and reserved column names. */
class TapSchemaContentTest {
  @Test
  void sizeFollowsArraysizeAndReservedNamesAreDelimited() {
    Map<String, List<Object[]>> c = TapSchemaContent.of(List.of(BundledSchemas.dp02(), BundledSchemas.obscore()));
    int checked = 0;
    for (Object[] col : c.get("columns")) {
      String arraysize = (String) col[3];
      Integer size = (Integer) col[5];
      Integer expected = arraysize != null && arraysize.matches("\\d+\\*?")
          ? Integer.valueOf(arraysize.replace("*", "")) : null;
      assertEquals(expected, size, col[0] + "." + col[1] + " arraysize " + arraysize);
      checked++;
    }
    assertTrue(checked > 1000, "DP0.2 has thousands of columns");
    assertTrue(c.get("columns").stream().anyMatch(r -> "TAP_SCHEMA.columns".equals(r[0]) && "\"size\"".equals(r[1])));
  }
}
