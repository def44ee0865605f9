package org.skyshard.tap.uws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One UWS job, as stored. Immutable: every change makes a new value.
 *
 * @param jobId the id in URLs
 * @param owner who created it
 * @param runId the client's RUNID, or null
 * @param phase the execution phase
 * @param creationTime when it was created
 * @param startTime when it started running, or null
 * @param endTime when it finished, or null
 * @param executionDuration the most seconds it may run (0: no limit)
 * @param destruction when it and its results are destroyed
 * @param parameters every parameter as posted, names as the client spelled them, in order
 * @param errorMessage why it failed, or null
 * @param resultMime the MIME type of its result, or null before it has one
 * @param resultRows rows in its result, or null
 * @param overflow whether MAXREC cut its result
 */
public record Job(
    String jobId,
    String owner,
    String runId,
    ExecutionPhase phase,
    Instant creationTime,
    Instant startTime,
    Instant endTime,
    long executionDuration,
    Instant destruction,
    Map<String, String> parameters,
    String errorMessage,
    String resultMime,
    Long resultRows,
    boolean overflow) {

  public Job {
    parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  public Job withPhase(ExecutionPhase p) {
    return new Job(jobId, owner, runId, p, creationTime, startTime, endTime, executionDuration,
        destruction, parameters, errorMessage, resultMime, resultRows, overflow);
  }

  public Job started(Instant t) {
    return new Job(jobId, owner, runId, ExecutionPhase.EXECUTING, creationTime, t, null,
        executionDuration, destruction, parameters, null, null, null, false);
  }

  public Job completed(Instant t, String mime, long rows, boolean cut) {
    return new Job(jobId, owner, runId, ExecutionPhase.COMPLETED, creationTime, startTime, t,
        executionDuration, destruction, parameters, null, mime, rows, cut);
  }

  public Job failed(ExecutionPhase p, Instant t, String message) {
    return new Job(jobId, owner, runId, p, creationTime, startTime, t, executionDuration,
        destruction, parameters, message, null, null, false);
  }

  public Job withExecutionDuration(long seconds) {
    return new Job(jobId, owner, runId, phase, creationTime, startTime, endTime, seconds,
        destruction, parameters, errorMessage, resultMime, resultRows, overflow);
  }

  public Job withDestruction(Instant t) {
    return new Job(jobId, owner, runId, phase, creationTime, startTime, endTime, executionDuration,
        t, parameters, errorMessage, resultMime, resultRows, overflow);
  }

  /** This job with more parameters (later values replace earlier ones of the same name, case-insensitively). */
  public Job withParameters(Map<String, String> more) {
    Map<String, String> merged = new LinkedHashMap<>(parameters);
    more.forEach((k, v) -> {
      merged.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
      merged.put(k, v);
    });
    String run = runId;
    for (Map.Entry<String, String> e : more.entrySet()) {
      if (e.getKey().equalsIgnoreCase("RUNID")) {
        run = e.getValue();
      }
    }
    return new Job(jobId, owner, run, phase, creationTime, startTime, endTime, executionDuration,
        destruction, merged, errorMessage, resultMime, resultRows, overflow);
  }
}
