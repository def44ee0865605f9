package org.skyshard.tap.output;

/** XML text escaping for the documents this module writes by hand. */
public final class Xml {
  private Xml() {}

  /** Escapes text for element content and attribute values. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            b.append(c);
          } else {
            b.append("\\u").append(String.format("%04x", (int) c));
          }
        }
      }
    }
    return b.toString();
  }
}
