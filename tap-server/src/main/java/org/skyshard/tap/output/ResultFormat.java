package org.skyshard.tap.output;

import java.util.List;
import java.util.Locale;
import org.skyshard.tap.Messages;

/**
 * The result formats, with the MIME type each is sent as and the names RESPONSEFORMAT accepts
 * for it (DALI 1.1 section 4.2 MIME types and the short forms TAP clients use).
 */
public enum ResultFormat {
  VOTABLE_BINARY2("application/x-votable+xml", "votable",
      List.of("votable", "application/x-votable+xml", "text/xml", "application/xml", "votable/b2",
          "votable/binary2", "application/x-votable+xml;serialization=binary2", "vot")),
  VOTABLE_TABLEDATA("application/x-votable+xml;serialization=tabledata", "votable",
      List.of("votable/td", "votable/tabledata", "application/x-votable+xml;serialization=tabledata",
          "text/xml;serialization=tabledata")),
  VOTABLE_BINARY("application/x-votable+xml;serialization=binary", "votable",
      List.of("votable/b", "votable/binary", "application/x-votable+xml;serialization=binary")),
  CSV("text/csv", "csv", List.of("csv", "text/csv", "text/csv;header=present")),
  TSV("text/tab-separated-values", "tsv", List.of("tsv", "text/tab-separated-values", "tab")),
  FITS("application/fits", "fits", List.of("fits", "application/fits", "image/fits")),
  PARQUET("application/vnd.apache.parquet", "parquet",
      List.of("parquet", "application/vnd.apache.parquet", "application/x-parquet"));

  private final String mimeType;
  private final String extension;
  private final List<String> names;

  ResultFormat(String mimeType, String extension, List<String> names) {
    this.mimeType = mimeType;
    this.extension = extension;
    this.names = names;
  }

  /** The MIME type the result is served with. */
  public String mimeType() {
    return mimeType;
  }

  /** The file name extension of a stored result ({@code votable}, {@code csv}). */
  public String extension() {
    return extension;
  }

  /** Every name RESPONSEFORMAT accepts for this format, the preferred short name first. */
  public List<String> names() {
    return names;
  }

  /** True for the VOTable serialisations. */
  public boolean isVoTable() {
    return this == VOTABLE_BINARY2 || this == VOTABLE_TABLEDATA || this == VOTABLE_BINARY;
  }

  /** The format named {@code value} (case and spaces ignored); null or blank gives BINARY2. */
  public static ResultFormat parse(String value) {
    if (value == null || value.isBlank()) {
      return VOTABLE_BINARY2;
    }
    String v = value.replace(" ", "").toLowerCase(Locale.ROOT);
    for (ResultFormat f : values()) {
      if (f.mimeType.equals(v) || f.names.contains(v)) {
        return f;
      }
    }
    throw Messages.unknownFormat(value);
  }

  /** The format whose {@link #mimeType()} is {@code mime}, for stored results. */
  public static ResultFormat ofMimeType(String mime) {
    for (ResultFormat f : values()) {
      if (f.mimeType.equals(mime)) {
        return f;
      }
    }
    return VOTABLE_BINARY2;
  }
}
