package org.skyshard.tap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.ac.starlink.table.RowSequence;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.util.ByteArrayDataSource;
import uk.ac.starlink.votable.TableElement;
import uk.ac.starlink.votable.VOElement;
import uk.ac.starlink.votable.VOElementFactory;
import uk.ac.starlink.votable.VOStarTable;

/** Test helper: a VOTable response parsed by STIL — its INFOs in document order and its table. */
public final class VoTables {
  /** One parsed document. */
  public record Doc(List<String[]> infos, StarTable table, List<Object[]> rows) {
    /** The QUERY_STATUS values, in document order (OK first; OVERFLOW after the table). */
    public List<String> statuses() {
      List<String> out = new ArrayList<>();
      for (String[] i : infos) {
        if (i[0].equals("QUERY_STATUS")) {
          out.add(i[1]);
        }
      }
      return out;
    }

    /** The value of the first INFO with this name, or null. */
    public String info(String name) {
      for (String[] i : infos) {
        if (i[0].equals(name)) {
          return i[1];
        }
      }
      return null;
    }

    /** The text of the QUERY_STATUS=ERROR INFO, or null. */
    public String errorMessage() {
      for (String[] i : infos) {
        if (i[0].equals("QUERY_STATUS") && i[1].equals("ERROR")) {
          return i[2];
        }
      }
      return null;
    }

    public List<String> fieldNames() {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < table.getColumnCount(); i++) {
        names.add(table.getColumnInfo(i).getName());
      }
      return names;
    }

    public Map<String, Object> row(int i) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int c = 0; c < table.getColumnCount(); c++) {
        m.put(table.getColumnInfo(c).getName(), rows.get(i)[c]);
      }
      return m;
    }
  }

  private VoTables() {}

  public static Doc parse(byte[] body) {
    try {
      VOElement root = new VOElementFactory(StoragePolicy.PREFER_MEMORY)
          .makeVOElement(new ByteArrayDataSource("response", body));
      List<String[]> infos = new ArrayList<>();
      StarTable table = null;
      for (VOElement resource : root.getChildrenByName("RESOURCE")) {
        for (VOElement child : resource.getChildren()) {
          if (child.getTagName().equals("INFO")) {
            infos.add(new String[] {child.getAttribute("name"), child.getAttribute("value"),
                child.getTextContent()});
          } else if (child.getTagName().equals("TABLE") && table == null) {
            table = new VOStarTable((TableElement) child);
          }
        }
      }
      List<Object[]> rows = new ArrayList<>();
      if (table != null) {
        try (RowSequence rs = table.getRowSequence()) {
          while (rs.next()) {
            rows.add(rs.getRow());
          }
        }
      }
      return new Doc(infos, table, rows);
    } catch (IOException | org.xml.sax.SAXException e) {
      throw new AssertionError("not a readable VOTable: " + e.getMessage() + "\n"
          + new String(body, 0, Math.min(body.length, 2000), java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }
}
