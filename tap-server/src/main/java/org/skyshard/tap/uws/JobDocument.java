package org.skyshard.tap.uws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.skyshard.tap.output.Xml;

/** The UWS 1.1 XML documents: job, job list, parameters. */
public final class JobDocument {
  private static final String NS = " xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
      + " xmlns:xlink=\"http://www.w3.org/1999/xlink\""
      + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private JobDocument() {}

  /** An ISO-8601 UTC timestamp as UWS writes them. */
  public static String iso(Instant t) {
    return ISO.format(t);
  }

  /** The job document; {@code jobUrl} is the job's URL (results hang below it). */
  public static String job(Job j, String jobUrl) {
    StringBuilder b = new StringBuilder(2048);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:job").append(NS)
        .append(" version=\"1.1\">\n");
    element(b, "jobId", j.jobId());
    if (j.runId() != null) {
      element(b, "runId", j.runId());
    }
    element(b, "ownerId", j.owner());
    element(b, "phase", j.phase().name());
    element(b, "quote", null);
    element(b, "creationTime", iso(j.creationTime()));
    element(b, "startTime", j.startTime() == null ? null : iso(j.startTime()));
    element(b, "endTime", j.endTime() == null ? null : iso(j.endTime()));
    element(b, "executionDuration", Long.toString(j.executionDuration()));
    element(b, "destruction", iso(j.destruction()));
    parameters(b, j.parameters());
    b.append("<uws:results>\n");
    if (j.phase() == ExecutionPhase.COMPLETED) {
      b.append("<uws:result id=\"result\" xlink:type=\"simple\" xlink:href=\"")
          .append(Xml.escape(jobUrl + "/results/result")).append("\"");
      if (j.resultMime() != null) {
        b.append(" mime-type=\"").append(Xml.escape(j.resultMime())).append("\"");
      }
      b.append("/>\n");
    }
    b.append("</uws:results>\n");
    if (j.phase() == ExecutionPhase.ERROR && j.errorMessage() != null) {
      b.append("<uws:errorSummary type=\"fatal\" hasDetail=\"true\">\n");
      element(b, "message", j.errorMessage());
      b.append("</uws:errorSummary>\n");
    }
    b.append("</uws:job>\n");
    return b.toString();
  }

  /** The parameters document of a job. */
  public static String parameters(Job j) {
    StringBuilder b = new StringBuilder(1024);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int at = b.length();
    parameters(b, j.parameters());
    b.insert(at + "<uws:parameters".length(), NS);
    return b.toString();
  }

  /** The job list; {@code jobsUrl} is the URL of the list. */
  public static String list(List<Job> jobs, String jobsUrl) {
    StringBuilder b = new StringBuilder(256 + 256 * jobs.size());
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<uws:jobs").append(NS)
        .append(" version=\"1.1\">\n");
    for (Job j : jobs) {
      b.append("<uws:jobref id=\"").append(Xml.escape(j.jobId())).append("\" xlink:type=\"simple\" xlink:href=\"")
          .append(Xml.escape(jobsUrl + "/" + j.jobId())).append("\">\n");
      element(b, "phase", j.phase().name());
      if (j.runId() != null) {
        element(b, "runId", j.runId());
      }
      element(b, "ownerId", j.owner());
      element(b, "creationTime", iso(j.creationTime()));
      b.append("</uws:jobref>\n");
    }
    b.append("</uws:jobs>\n");
    return b.toString();
  }

  private static void parameters(StringBuilder b, Map<String, String> params) {
    b.append("<uws:parameters>\n");
    params.forEach((k, v) -> b.append("<uws:parameter id=\"").append(Xml.escape(k)).append("\">")
        .append(Xml.escape(v)).append("</uws:parameter>\n"));
    b.append("</uws:parameters>\n");
  }

  private static void element(StringBuilder b, String name, String value) {
    if (value == null) {
      b.append("<uws:").append(name).append(" xsi:nil=\"true\"/>\n");
    } else {
      b.append("<uws:").append(name).append('>').append(Xml.escape(value)).append("</uws:")
          .append(name).append(">\n");
    }
  }
}
