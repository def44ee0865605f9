package org.skyshard.tap.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.skyshard.tap.Messages;
import uk.ac.starlink.votable.DataFormat;
import uk.ac.starlink.votable.ResourceType;
import uk.ac.starlink.votable.StringElementSizer;
import uk.ac.starlink.votable.VOTableVersion;
import uk.ac.starlink.votable.VOTableWriter;

/**
 * STIL's VOTable writer with the TAP INFOs of DALI 1.1 section 4.4.1: QUERY_STATUS=OK, QUERY and
 * QUERY_TIMESTAMP before the TABLE, QUERY_STATUS=OVERFLOW after it when MAXREC cut the result,
 * or QUERY_STATUS=ERROR after it when the engine failed once rows had gone out.
 * Strings are never pre-scanned, so writing stays a single pass over the rows.
 */
final class TapVoTableWriter extends VOTableWriter {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final ResultInfo info;
  private final ResultStarTable table;

  TapVoTableWriter(DataFormat format, ResultInfo info, ResultStarTable table) {
    super(format, true, VOTableVersion.V14);
    this.info = info;
    this.table = table;
    setResourceType(ResourceType.RESULTS);
    setStringElementSizer(StringElementSizer.NOCALC);
    setWriteDate(false);
  }

  @Override
  public void writePreTableXML(BufferedWriter out) throws IOException {
    super.writePreTableXML(out);
    out.write("<INFO name=\"QUERY_STATUS\" value=\"OK\"/>\n");
    if (info.query() != null) {
      out.write("<INFO name=\"QUERY\" value=\"" + Xml.escape(info.query()) + "\"/>\n");
    }
    out.write("<INFO name=\"QUERY_TIMESTAMP\" value=\"" + ISO.format(info.timestamp()) + "\"/>\n");
    if (info.queryId() != null) {
      out.write("<INFO name=\"QUERY_ID\" value=\"" + Xml.escape(info.queryId()) + "\"/>\n");
    }
  }

  @Override
  public void writePostTableXML(BufferedWriter out) throws IOException {
    if (table.failure() != null) {
      out.write("<INFO name=\"QUERY_STATUS\" value=\"ERROR\">"
          + Xml.escape(Messages.internalError(info.queryId())) + "</INFO>\n");
    } else if (table.overflowed()) {
      out.write("<INFO name=\"QUERY_STATUS\" value=\"OVERFLOW\"/>\n");
    }
    super.writePostTableXML(out);
  }
}
