package org.skyshard.tap.http;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.auth.Authenticator;
import org.skyshard.tap.output.ErrorDocument;
import org.skyshard.tap.uws.ExecutionPhase;
import org.skyshard.tap.uws.Job;
import org.skyshard.tap.uws.JobDocument;
import org.skyshard.tap.uws.JobManager;

/**
 * {@code /async} per UWS 1.1: job list, creation, the job resource and its children, blocking
 * WAIT, DELETE. Job store work runs on the UWS worker executor; WAIT parks without a thread.
 */
public final class AsyncHandler {
  private static final long MAX_WAIT_SECONDS = 600;
  private final TapConfig config;
  private final Authenticator auth;
  private final JobManager jobs;
  private final WorkerExecutor executor;

  public AsyncHandler(TapConfig config, Authenticator auth, JobManager jobs, WorkerExecutor executor) {
    this.config = config;
    this.auth = auth;
    this.jobs = jobs;
    this.executor = executor;
  }

  private String owner(RoutingContext ctx) {
    return auth.user(ctx.request().getHeader("Authorization"));
  }

  private String jobsUrl(RoutingContext ctx) {
    return BaseUrl.of(ctx, config) + "/async";
  }

  private <T> void blocking(RoutingContext ctx, Callable<T> work, BiConsumer<RoutingContext, T> reply) {
    executor.executeBlocking(work, false).onSuccess(v -> reply.accept(ctx, v)).onFailure(ctx::fail);
  }

  public void list(RoutingContext ctx) {
    String owner = owner(ctx);
    Set<ExecutionPhase> phases = EnumSet.noneOf(ExecutionPhase.class);
    for (String p : ctx.queryParam("PHASE")) {
      phases.add(phase(p));
    }
    for (String p : ctx.queryParam("phase")) {
      phases.add(phase(p));
    }
    TapParameters params = TapParameters.of(ctx);
    Instant after = params.get("AFTER") == null ? null : instant("AFTER", params.get("AFTER"));
    Integer last = params.get("LAST") == null ? null : (int) number("LAST", params.get("LAST"));
    String url = jobsUrl(ctx);
    blocking(ctx, () -> jobs.list(owner, phases, after, last),
        (c, list) -> xml(c, JobDocument.list(list, url)));
  }

  public void create(RoutingContext ctx) {
    String owner = owner(ctx);
    TapParameters p = TapParameters.of(ctx);
    Map<String, Path> files = new LinkedHashMap<>();
    for (String field : p.fileFields()) {
      FileUpload f = p.file(field);
      files.put(field, Path.of(f.uploadedFileName()));
    }
    String url = jobsUrl(ctx);
    blocking(ctx, () -> jobs.create(owner, p.asGiven(), files),
        (c, job) -> redirect(c, url + "/" + job.jobId()));
  }

  public void job(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    TapParameters p = TapParameters.of(ctx);
    String url = jobsUrl(ctx) + "/" + id;
    String waitParam = p.get("WAIT");
    if (waitParam == null) {
      blocking(ctx, () -> jobs.get(id, owner), (c, job) -> xml(c, JobDocument.job(job, url)));
      return;
    }
    long wait = number("WAIT", waitParam);
    long seconds = wait < 0 ? MAX_WAIT_SECONDS : Math.min(wait, MAX_WAIT_SECONDS);
    ExecutionPhase from = p.get("PHASE") == null ? null : phase(p.get("PHASE"));
    long version = jobs.version(id);
    blocking(ctx, () -> jobs.get(id, owner), (c, job) -> {
      boolean waitable = job.phase() == ExecutionPhase.PENDING || job.phase().isActive();
      if (!waitable || seconds == 0 || (from != null && from != job.phase())) {
        xml(c, JobDocument.job(job, url));
        return;
      }
      jobs.awaitChange(id, version, seconds).onComplete(x -> blocking(c, () -> jobs.get(id, owner),
          (c2, after) -> xml(c2, JobDocument.job(after, url))));
    });
  }

  public void deleteJob(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    String url = jobsUrl(ctx);
    blocking(ctx, () -> {
      jobs.delete(jobs.get(id, owner));
      return url;
    }, AsyncHandler::redirect);
  }

  /** POST to the job: ACTION=DELETE, or parameters / PHASE given directly to the job. */
  public void postJob(RoutingContext ctx) {
    TapParameters p = TapParameters.of(ctx);
    String action = p.get("ACTION");
    if (action != null) {
      if (!action.equalsIgnoreCase("DELETE")) {
        throw Messages.badAction(action);
      }
      deleteJob(ctx);
      return;
    }
    if (p.has("PHASE")) {
      phase(ctx);
      return;
    }
    parameters(ctx);
  }

  public void phase(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    if (isGet(ctx)) {
      blocking(ctx, () -> jobs.get(id, owner), (c, job) -> text(c, job.phase().name()));
      return;
    }
    String value = TapParameters.of(ctx).get("PHASE");
    if (value == null || !(value.equalsIgnoreCase("RUN") || value.equalsIgnoreCase("ABORT"))) {
      throw Messages.badPhase(value);
    }
    boolean run = value.equalsIgnoreCase("RUN");
    String url = jobsUrl(ctx) + "/" + id;
    blocking(ctx, () -> {
      Job job = jobs.get(id, owner);
      if (run) {
        jobs.run(job);
      } else {
        jobs.abort(job);
      }
      return url;
    }, AsyncHandler::redirect);
  }

  public void executionDuration(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    if (isGet(ctx)) {
      blocking(ctx, () -> jobs.get(id, owner), (c, job) -> text(c, Long.toString(job.executionDuration())));
      return;
    }
    String v = TapParameters.of(ctx).get("EXECUTIONDURATION");
    if (v == null) {
      throw Messages.missingParameter("EXECUTIONDURATION");
    }
    long requested = number("EXECUTIONDURATION", v);
    long limit = config.executionDuration().toSeconds();
    long seconds = requested <= 0 || requested > limit ? limit : requested;
    String url = jobsUrl(ctx) + "/" + id;
    blocking(ctx, () -> {
      Job job = pending(jobs.get(id, owner));
      jobs.update(job.withExecutionDuration(seconds));
      return url;
    }, AsyncHandler::redirect);
  }

  public void destruction(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    if (isGet(ctx)) {
      blocking(ctx, () -> jobs.get(id, owner), (c, job) -> text(c, JobDocument.iso(job.destruction())));
      return;
    }
    String v = TapParameters.of(ctx).get("DESTRUCTION");
    if (v == null) {
      throw Messages.missingParameter("DESTRUCTION");
    }
    Instant requested = instant("DESTRUCTION", v);
    String url = jobsUrl(ctx) + "/" + id;
    blocking(ctx, () -> {
      Job job = jobs.get(id, owner);
      Instant latest = job.creationTime().plus(config.destruction());
      jobs.update(job.withDestruction(requested.isAfter(latest) ? latest : requested));
      return url;
    }, AsyncHandler::redirect);
  }

  public void quote(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    blocking(ctx, () -> jobs.get(id, owner), (c, job) -> text(c, ""));
  }

  public void ownerId(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    blocking(ctx, () -> jobs.get(id, owner), (c, job) -> text(c, job.owner()));
  }

  public void error(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    blocking(ctx, () -> jobs.get(id, owner), (c, job) -> {
      if (job.phase() != ExecutionPhase.ERROR && job.phase() != ExecutionPhase.ABORTED) {
        c.fail(Messages.noResult(id, "error"));
        return;
      }
      c.response().putHeader("Content-Type", ErrorDocument.MIME_TYPE)
          .end(io.vertx.core.buffer.Buffer.buffer(ErrorDocument.of(
              job.errorMessage() == null ? Messages.aborted() : job.errorMessage())));
    });
  }

  public void parameters(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    if (isGet(ctx)) {
      blocking(ctx, () -> jobs.get(id, owner), (c, job) -> xml(c, JobDocument.parameters(job)));
      return;
    }
    Map<String, String> more = TapParameters.of(ctx).asGiven();
    String url = jobsUrl(ctx) + "/" + id;
    blocking(ctx, () -> {
      Job job = pending(jobs.get(id, owner));
      jobs.update(job.withParameters(more));
      return url;
    }, AsyncHandler::redirect);
  }

  public void results(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    String url = jobsUrl(ctx) + "/" + id;
    blocking(ctx, () -> jobs.get(id, owner), (c, job) -> {
      String doc = JobDocument.job(job, url);
      int from = doc.indexOf("<uws:results>");
      int to = doc.indexOf("</uws:results>") + "</uws:results>".length();
      xml(c, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doc.substring(from, to).replaceFirst(
          "<uws:results>", "<uws:results xmlns:uws=\"http://www.ivoa.net/xml/UWS/v1.0\""
              + " xmlns:xlink=\"http://www.w3.org/1999/xlink\">") + "\n");
    });
  }

  public void result(RoutingContext ctx) {
    String owner = owner(ctx);
    String id = ctx.pathParam("job");
    String resultId = ctx.pathParam("result");
    blocking(ctx, () -> {
      Job job = jobs.get(id, owner);
      if (!"result".equals(resultId)) {
        throw Messages.noResult(id, resultId);
      }
      return Map.entry(job, jobs.resultFile(job));
    }, (c, e) -> c.response().putHeader("Content-Type", e.getKey().resultMime())
        .sendFile(e.getValue().toString()).onFailure(c::fail));
  }

  private static Job pending(Job job) {
    if (job.phase() != ExecutionPhase.PENDING) {
      throw Messages.notPending(job.jobId(), job.phase().name());
    }
    return job;
  }

  private static boolean isGet(RoutingContext ctx) {
    return ctx.request().method().name().equals("GET");
  }

  private static ExecutionPhase phase(String v) {
    try {
      return ExecutionPhase.valueOf(v.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Messages.unknownPhase(v);
    }
  }

  private static long number(String name, String v) {
    try {
      return Long.parseLong(v.strip());
    } catch (NumberFormatException e) {
      throw Messages.badNumber(name, v);
    }
  }

  private static Instant instant(String name, String v) {
    try {
      String s = v.strip();
      if (!s.endsWith("Z") && !s.matches(".*[+-]\\d\\d:\\d\\d$")) {
        s = s + "Z";
      }
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw Messages.badTimestamp(name, v);
    }
  }

  private static void redirect(RoutingContext ctx, String location) {
    ctx.response().setStatusCode(303).putHeader("Location", location).end();
  }

  private static void xml(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "text/xml; charset=UTF-8").end(body);
  }

  private static void text(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "text/plain; charset=UTF-8").end(body);
  }
}
