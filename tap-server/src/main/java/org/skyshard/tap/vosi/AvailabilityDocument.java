package org.skyshard.tap.vosi;

/** The VOSI 1.1 availability document. */
public final class AvailabilityDocument {
  private AvailabilityDocument() {}

  /** The document saying whether the service accepts queries, and why. */
  public static String render(boolean available, String note) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<vosi:availability xmlns:vosi=\"http://www.ivoa.net/xml/VOSIAvailability/v1.0\">\n"
        + "<vosi:available>" + available + "</vosi:available>\n"
        + "<vosi:note>" + org.skyshard.tap.output.Xml.escape(note) + "</vosi:note>\n"
        + "</vosi:availability>\n";
  }
}
