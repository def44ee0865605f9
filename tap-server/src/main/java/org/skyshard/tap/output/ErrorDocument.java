package org.skyshard.tap.output;

import java.nio.charset.StandardCharsets;

/** The DALI 1.1 error document: a VOTable whose RESOURCE holds QUERY_STATUS=ERROR and the message. */
public final class ErrorDocument {
  /** The MIME type error documents are sent with. */
  public static final String MIME_TYPE = "application/x-votable+xml";

  private ErrorDocument() {}

  /** The document for {@code message}, UTF-8 encoded. */
  public static byte[] of(String message) {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<VOTABLE version=\"1.4\" xmlns=\"http://www.ivoa.net/xml/VOTable/v1.3\">\n"
        + "<RESOURCE type=\"results\">\n"
        + "<INFO name=\"QUERY_STATUS\" value=\"ERROR\">" + Xml.escape(message) + "</INFO>\n"
        + "</RESOURCE>\n"
        + "</VOTABLE>\n";
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
