package org.skyshard.tap.vosi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.output.ResultFormat;
import org.skyshard.tap.output.Xml;

/** The VOSI capabilities document with the TAPRegExt 1.0 TableAccess capability. */
public final class CapabilitiesDocument {
  private final TapConfig config;
  private final LanguageFeatures features;

  public CapabilitiesDocument(TapConfig config, LanguageFeatures features) {
    this.config = config;
    this.features = features;
  }

  /** The document for a service whose base URL is {@code baseUrl}. */
  public String render(String baseUrl) {
    StringBuilder b = new StringBuilder(8192);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<vosi:capabilities xmlns:vosi=\"http://www.ivoa.net/xml/VOSICapabilities/v1.0\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xmlns:vs=\"http://www.ivoa.net/xml/VODataService/v1.1\"")
        .append(" xmlns:tr=\"http://www.ivoa.net/xml/TAPRegExt/v1.0\">\n");
    b.append("<capability standardID=\"ivo://ivoa.net/std/TAP\" xsi:type=\"tr:TableAccess\">\n")
        .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\" version=\"1.1\">\n")
        .append("<accessURL use=\"base\">").append(Xml.escape(baseUrl)).append("</accessURL>\n")
        .append("</interface>\n");
    b.append("<language>\n<name>ADQL</name>\n")
        .append("<version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.0\">2.0</version>\n")
        .append("<version ivo-id=\"ivo://ivoa.net/std/ADQL#v2.1\">2.1</version>\n")
        .append("<description>ADQL 2.1 (2.0 queries are accepted too)</description>\n");
    Map<String, List<LanguageFeature>> byType = new LinkedHashMap<>();
    for (LanguageFeature f : features.features()) {
      byType.computeIfAbsent(f.type(), k -> new ArrayList<>()).add(f);
    }
    byType.forEach((type, list) -> {
      b.append("<languageFeatures type=\"").append(Xml.escape(type)).append("\">\n");
      for (LanguageFeature f : list) {
        b.append("<feature><form>").append(Xml.escape(f.form())).append("</form><description>")
            .append(Xml.escape(f.description())).append("</description></feature>\n");
      }
      b.append("</languageFeatures>\n");
    });
    b.append("</language>\n");
    outputFormats(b);
    b.append("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-inline\"/>\n")
        .append("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-http\"/>\n")
        .append("<uploadMethod ivo-id=\"ivo://ivoa.net/std/TAPRegExt#upload-https\"/>\n");
    long retention = config.destruction().toSeconds();
    long exec = config.executionDuration().toSeconds();
    b.append("<retentionPeriod><default>").append(retention).append("</default><hard>")
        .append(retention).append("</hard></retentionPeriod>\n")
        .append("<executionDuration><default>").append(exec).append("</default><hard>")
        .append(exec).append("</hard></executionDuration>\n")
        .append("<outputLimit><default unit=\"row\">").append(config.maxrecDefault())
        .append("</default><hard unit=\"row\">").append(config.maxrecLimit())
        .append("</hard></outputLimit>\n")
        .append("<uploadLimit><hard unit=\"byte\">").append(config.uploadMaxBytes())
        .append("</hard></uploadLimit>\n");
    b.append("</capability>\n");
    vosi(b, "ivo://ivoa.net/std/VOSI#capabilities", baseUrl + "/capabilities");
    vosi(b, "ivo://ivoa.net/std/VOSI#availability", baseUrl + "/availability");
    vosi(b, "ivo://ivoa.net/std/VOSI#tables-1.1", baseUrl + "/tables");
    vosi(b, "ivo://ivoa.net/std/DALI#examples", baseUrl + "/examples");
    b.append("</vosi:capabilities>\n");
    return b.toString();
  }

  private static void outputFormats(StringBuilder b) {
    for (ResultFormat f : ResultFormat.values()) {
      String id = switch (f) {
        case VOTABLE_BINARY2 -> "ivo://ivoa.net/std/TAPRegExt#output-votable-binary2";
        case VOTABLE_TABLEDATA -> "ivo://ivoa.net/std/TAPRegExt#output-votable-td";
        case VOTABLE_BINARY -> "ivo://ivoa.net/std/TAPRegExt#output-votable-binary";
        default -> null;
      };
      b.append("<outputFormat");
      if (id != null) {
        b.append(" ivo-id=\"").append(id).append('"');
      }
      b.append(">\n<mime>").append(Xml.escape(f.mimeType())).append("</mime>\n");
      for (String alias : f.names()) {
        if (!alias.contains("/") || alias.startsWith("votable/")) {
          b.append("<alias>").append(Xml.escape(alias)).append("</alias>\n");
        }
      }
      b.append("</outputFormat>\n");
    }
  }

  private static void vosi(StringBuilder b, String standardId, String url) {
    b.append("<capability standardID=\"").append(standardId).append("\">\n")
        .append("<interface xsi:type=\"vs:ParamHTTP\" role=\"std\">\n")
        .append("<accessURL use=\"full\">").append(Xml.escape(url)).append("</accessURL>\n")
        .append("</interface>\n</capability>\n");
  }
}
