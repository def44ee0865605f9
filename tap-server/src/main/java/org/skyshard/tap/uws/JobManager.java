package org.skyshard.tap.uws;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.skyshard.tap.Messages;
import org.skyshard.tap.QueryRunner;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.TapException;
import org.skyshard.tap.engine.Cancellation;
import org.skyshard.tap.http.QueryParameters;
import org.skyshard.tap.output.WriteSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of UWS jobs: creation, running on the query executor, abort, execution-duration limit,
 * deletion, destruction sweep, and recovery after a restart (jobs left running become ERROR).
 * Every method except {@link #awaitChange} blocks on the job store: call them from a worker.
 */
public final class JobManager {
  private static final Logger LOG = LoggerFactory.getLogger(JobManager.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String RESULT_FILE = "result";

  private final Vertx vertx;
  private final WorkerExecutor queryExecutor;
  private final JobStore store;
  private final QueryRunner runner;
  private final TapConfig config;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, List<Runnable>> waiters = new ConcurrentHashMap<>();
  private final Map<String, Long> versions = new ConcurrentHashMap<>();

  /** A job being run: its source, once started, and why it is being stopped, if it is. */
  private static final class Running {
    final Cancellation cancellation = new Cancellation();
    volatile String stopReason;
    volatile boolean userAbort;
  }

  public JobManager(Vertx vertx, WorkerExecutor queryExecutor, JobStore store, QueryRunner runner,
      TapConfig config) {
    this.vertx = vertx;
    this.queryExecutor = queryExecutor;
    this.store = store;
    this.runner = runner;
    this.config = config;
  }

  /** Marks every job a previous run left queued or executing as ERROR. Returns how many. */
  public int recover() {
    List<Job> active = store.active();
    for (Job j : active) {
      store.update(j.failed(ExecutionPhase.ERROR, Instant.now(), Messages.interruptedByRestart()));
    }
    return active.size();
  }

  /** Creates a PENDING job (and runs it if {@code PHASE=RUN} was posted with it). */
  public Job create(String owner, Map<String, String> params, Map<String, Path> files) {
    String id = newId();
    Instant now = Instant.now();
    Map<String, String> kept = new java.util.LinkedHashMap<>(params);
    String phase = null;
    for (String k : List.copyOf(kept.keySet())) {
      if (k.equalsIgnoreCase("PHASE")) {
        phase = kept.remove(k);
      }
    }
    String runId = null;
    for (Map.Entry<String, String> e : kept.entrySet()) {
      if (e.getKey().equalsIgnoreCase("RUNID")) {
        runId = e.getValue();
      }
    }
    if (phase != null && !phase.equalsIgnoreCase("RUN")) {
      throw Messages.badPhase(phase);
    }
    Job job = new Job(id, owner, runId, ExecutionPhase.PENDING, now, null, null,
        config.executionDuration().toSeconds(), now.plus(config.destruction()), kept, null, null,
        null, false);
    saveUploads(id, files);
    store.insert(job);
    if (phase != null) {
      return run(job);
    }
    return job;
  }

  private void saveUploads(String jobId, Map<String, Path> files) {
    if (files.isEmpty()) {
      return;
    }
    try {
      Path dir = Files.createDirectories(jobDir(jobId));
      for (Map.Entry<String, Path> f : files.entrySet()) {
        Files.copy(f.getValue(), dir.resolve(uploadFileName(f.getKey())), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot store the uploads of job " + jobId, e);
    }
  }

  private static String uploadFileName(String field) {
    return "upload-" + field.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** The job, if it exists and belongs to {@code owner}. */
  public Job get(String jobId, String owner) {
    Job j = store.find(jobId).orElseThrow(() -> Messages.noJob(jobId));
    if (!j.owner().equals(owner)) {
      throw Messages.notOwner(jobId);
    }
    return j;
  }

  /** The jobs of {@code owner} (UWS 1.1 PHASE, AFTER and LAST filters). */
  public List<Job> list(String owner, Set<ExecutionPhase> phases, Instant after, Integer last) {
    return store.list(owner, phases, after, last);
  }

  /** Starts a PENDING job (queues it on the query executor). */
  public Job run(Job job) {
    if (job.phase() != ExecutionPhase.PENDING) {
      return job;
    }
    Job queued = job.withPhase(ExecutionPhase.QUEUED);
    store.update(queued);
    Running r = new Running();
    running.put(job.jobId(), r);
    notifyChange(job.jobId());
    queryExecutor.executeBlocking(() -> {
      execute(job.jobId(), r);
      return null;
    }, false);
    return queued;
  }

  private void execute(String jobId, Running r) {
    Job job = store.find(jobId).orElse(null);
    if (job == null || job.phase() != ExecutionPhase.QUEUED) {
      running.remove(jobId);
      return;
    }
    Job started = job.started(Instant.now());
    store.update(started);
    notifyChange(jobId);
    long timer = job.executionDuration() > 0
        ? vertx.setTimer(job.executionDuration() * 1000, t -> stop(r,
            Messages.executionDurationExceeded(job.executionDuration()), false))
        : -1;
    Path dir = jobDir(jobId);
    try {
      QueryParameters qp = QueryParameters.parse(job.parameters(), config);
      Files.createDirectories(dir);
      Path part = dir.resolve(RESULT_FILE + ".part");
      WriteSummary summary;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
        summary = runner.run(jobId, job.owner(), qp, field -> {
          Path f = dir.resolve(uploadFileName(field));
          return Files.exists(f) ? f : null;
        }, out, r.cancellation);
      }
      if (r.stopReason != null) {
        throw new IOException(r.stopReason);
      }
      if (summary.failure() != null) {
        throw summary.failure();
      }
      Files.move(part, dir.resolve(RESULT_FILE), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      finish(started.completed(Instant.now(), qp.format().mimeType(), summary.rows(), summary.overflow()));
    } catch (Exception | Error e) {
      if (r.stopReason != null) {
        finish(started.failed(r.userAbort ? ExecutionPhase.ABORTED : ExecutionPhase.ERROR,
            Instant.now(), r.stopReason));
      } else if (e instanceof TapException user) {
        finish(started.failed(ExecutionPhase.ERROR, Instant.now(), user.getMessage()));
      } else {
        LOG.error("query {} failed", jobId, e);
        finish(started.failed(ExecutionPhase.ERROR, Instant.now(), Messages.internalError(jobId)));
      }
    } finally {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      running.remove(jobId);
      notifyChange(jobId);
    }
  }

  private void finish(Job j) {
    if (store.find(j.jobId()).isPresent()) {
      store.update(j);
    }
  }

  private static void stop(Running r, String reason, boolean userAbort) {
    r.userAbort = userAbort;
    r.stopReason = reason;
    r.cancellation.cancel();
  }

  /** Aborts a job that has not finished. */
  public Job abort(Job job) {
    if (job.phase().isFinal()) {
      return job;
    }
    Running r = running.get(job.jobId());
    Job current = store.find(job.jobId()).orElse(job);
    if (current.phase() == ExecutionPhase.EXECUTING && r != null) {
      stop(r, Messages.aborted(), true);
      return current;
    }
    Job aborted = current.failed(ExecutionPhase.ABORTED, Instant.now(), Messages.aborted());
    store.update(aborted);
    notifyChange(job.jobId());
    return aborted;
  }

  /** Stops every running job (the service is stopping); they end in ERROR saying why. */
  public void stopAll() {
    running.values().forEach(r -> stop(r, Messages.interruptedByRestart(), false));
  }

  /** Updates a job (parameters, execution duration or destruction). */
  public void update(Job job) {
    store.update(job);
  }

  /** Deletes a job: stops it, removes its files and its record. */
  public void delete(Job job) {
    Running r = running.get(job.jobId());
    if (r != null) {
      stop(r, Messages.aborted(), true);
    }
    store.delete(job.jobId());
    deleteTree(jobDir(job.jobId()));
    notifyChange(job.jobId());
    versions.remove(job.jobId());
  }

  /** Destroys every job whose destruction time has passed. Returns how many. */
  public int sweep() {
    List<Job> expired = store.expired(Instant.now());
    for (Job j : expired) {
      delete(j);
    }
    return expired.size();
  }

  /** The stored result file of a completed job. */
  public Path resultFile(Job job) {
    if (job.phase() != ExecutionPhase.COMPLETED) {
      throw Messages.noResult(job.jobId(), RESULT_FILE);
    }
    Path f = jobDir(job.jobId()).resolve(RESULT_FILE);
    if (!Files.exists(f)) {
      throw Messages.noResult(job.jobId(), RESULT_FILE);
    }
    return f;
  }

  /**
   * Completes when the job's phase changes after {@link #version} gave {@code versionSeen}, or
   * after {@code seconds}; for blocking WAIT. Does not block.
   */
  public Future<Void> awaitChange(String jobId, long versionSeen, long seconds) {
    Promise<Void> p = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, seconds * 1000), t -> p.tryComplete());
    waiters.computeIfAbsent(jobId, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
        .add(() -> {
          vertx.cancelTimer(timer);
          p.tryComplete();
        });
    if (version(jobId) != versionSeen) {
      vertx.cancelTimer(timer);
      p.tryComplete();
    }
    return p.future();
  }

  /** A counter that moves whenever the job's phase may have changed; read it before the job. */
  public long version(String jobId) {
    return versions.getOrDefault(jobId, 0L);
  }

  private void notifyChange(String jobId) {
    versions.merge(jobId, 1L, Long::sum);
    List<Runnable> list = waiters.remove(jobId);
    if (list != null) {
      list.forEach(Runnable::run);
    }
  }

  private Path jobDir(String jobId) {
    return config.resultsDir().resolve(jobId);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", dir, e.getMessage());
    }
  }

  private static String newId() {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder b = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      b.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
