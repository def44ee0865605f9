package org.skyshard.tap.http;

import java.util.Locale;
import java.util.Map;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.output.ResultFormat;

/**
 * The TAP query parameters, checked (TAP 1.1 section 2.3): LANG, QUERY, MAXREC, RESPONSEFORMAT
 * or FORMAT, UPLOAD, RUNID and REQUEST.
 *
 * @param lang the language as given
 * @param query the query text
 * @param maxrec the effective MAXREC (default applied, hard limit enforced)
 * @param format the result format
 * @param upload the UPLOAD value, or null
 * @param runId RUNID, or null
 */
public record QueryParameters(String lang, String query, long maxrec, ResultFormat format,
    String upload, String runId) {

  /** Reads and checks the query parameters of a request. */
  public static QueryParameters parse(Map<String, String> given, TapConfig config) {
    TapParameters p = new TapParameters();
    given.forEach(p::put);
    return parse(p, config);
  }

  /** Reads and checks the query parameters of a request. */
  public static QueryParameters parse(TapParameters p, TapConfig config) {
    String request = p.get("REQUEST");
    if (request != null && !request.equalsIgnoreCase("doQuery")) {
      throw Messages.badRequest(request);
    }
    String lang = p.get("LANG");
    if (lang == null) {
      throw Messages.missingParameter("LANG");
    }
    String upperLang = lang.strip().toUpperCase(Locale.ROOT);
    if (!upperLang.equals("ADQL") && !upperLang.equals("ADQL-2.0") && !upperLang.equals("ADQL-2.1")) {
      throw Messages.unsupportedLang(lang);
    }
    String query = p.get("QUERY");
    if (query == null) {
      throw Messages.missingParameter("QUERY");
    }
    if (query.isBlank()) {
      throw Messages.emptyQuery();
    }
    long maxrec = config.maxrecDefault();
    String m = p.get("MAXREC");
    if (m != null && !m.isBlank()) {
      try {
        maxrec = Long.parseLong(m.strip());
      } catch (NumberFormatException e) {
        throw Messages.badMaxrec(m);
      }
      if (maxrec < 0) {
        throw Messages.badMaxrec(m);
      }
      maxrec = Math.min(maxrec, config.maxrecLimit());
    }
    String fmt = p.get("RESPONSEFORMAT");
    if (fmt == null) {
      fmt = p.get("FORMAT");
    }
    return new QueryParameters(lang, query, maxrec, ResultFormat.parse(fmt), p.get("UPLOAD"),
        p.get("RUNID"));
  }
}
