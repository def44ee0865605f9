package org.skyshard.tap;

/**
 * The one catalogue of user-facing messages of the TAP layer: one method per message, so the
 * wording lives in one place and tests can refer to it.
 */
public final class Messages {
  private Messages() {}

  public static UsageException missingParameter(String name) {
    return new UsageException("missing parameter " + name);
  }

  public static UsageException unsupportedLang(String lang) {
    return new UsageException("unsupported LANG '" + lang + "': use ADQL, ADQL-2.0 or ADQL-2.1");
  }

  public static UsageException badMaxrec(String value) {
    return new UsageException("MAXREC must be a non-negative integer, not '" + value + "'");
  }

  public static UsageException unknownFormat(String value) {
    return new UsageException("unsupported RESPONSEFORMAT '" + value + "'");
  }

  public static UsageException badRequest(String value) {
    return new UsageException("unsupported REQUEST '" + value + "': only doQuery is supported");
  }

  public static UsageException emptyQuery() {
    return new UsageException("QUERY is empty");
  }

  public static UsageException badUpload(String detail) {
    return new UsageException("invalid UPLOAD: " + detail);
  }

  public static UsageException uploadUrlRefused(String name, String url, String why) {
    return new UsageException("upload " + name + ": will not fetch " + url + ": " + why);
  }

  public static UsageException uploadFetchFailed(String name, String url, String why) {
    return new UsageException("upload " + name + ": cannot fetch " + url + ": " + why);
  }

  public static UsageException uploadFetchTimeout(String name, String url, long seconds) {
    return new UsageException("upload " + name + ": fetching " + url + " took longer than the"
        + " limit of " + seconds + " s");
  }

  public static UsageException uploadTooLarge(String name, long limit) {
    return new UsageException("upload " + name + " exceeds the limit of " + limit + " bytes");
  }

  public static UsageException uploadTooManyRows(String name, long limit) {
    return new UsageException("upload " + name + " exceeds the limit of " + limit + " rows");
  }

  public static UsageException badUploadName(String name) {
    return new UsageException("invalid upload table name '" + name
        + "': it must start with a letter and contain only letters, digits and '_'");
  }

  public static UsageException badPhase(String value) {
    return new UsageException("PHASE must be RUN or ABORT, not '" + value + "'");
  }

  public static UsageException unknownPhase(String value) {
    return new UsageException("unknown PHASE '" + value + "': use PENDING, QUEUED, EXECUTING, "
        + "COMPLETED, ERROR, ABORTED, UNKNOWN, HELD, SUSPENDED or ARCHIVED");
  }

  /** An ADQL error from the translator, positioned. */
  public static UsageException adql(int line, int column, String detail, String code, Throwable cause) {
    return new UsageException("ADQL error at line " + line + ", column " + column + ": " + detail
        + " [" + code + "]", cause);
  }

  /** An error the database reported about the query itself. */
  public static UsageException engineRejected(String detail, Throwable cause) {
    return new UsageException("invalid query: " + detail, cause);
  }

  public static String methodNotAllowed(String method, String path) {
    return "method " + method + " is not allowed on " + path;
  }

  public static String bodyTooLarge() {
    return "the request body is larger than the upload limit";
  }

  public static UsageException badNumber(String name, String value) {
    return new UsageException(name + " must be a number, not '" + value + "'");
  }

  public static UsageException badTimestamp(String name, String value) {
    return new UsageException(name + " must be an ISO-8601 timestamp, not '" + value + "'");
  }

  public static UsageException badAction(String value) {
    return new UsageException("ACTION must be DELETE, not '" + value + "'");
  }

  public static InvalidPhaseException notPending(String jobId, String phase) {
    return new InvalidPhaseException("job " + jobId + " is " + phase
        + "; its parameters can only be changed while it is PENDING");
  }

  public static NotFoundException noJob(String jobId) {
    return new NotFoundException("no job " + jobId);
  }

  public static NotFoundException noResult(String jobId, String resultId) {
    return new NotFoundException("job " + jobId + " has no result " + resultId);
  }

  public static NotFoundException noTable(String name) {
    return new NotFoundException("no table " + name);
  }

  public static NotFoundException noResource(String path) {
    return new NotFoundException("no resource " + path);
  }

  public static ForbiddenException notOwner(String jobId) {
    return new ForbiddenException("job " + jobId + " belongs to another user");
  }

  public static UnauthorizedException unknownToken() {
    return new UnauthorizedException("the bearer token is not valid");
  }

  public static UsageException badDetail(String value) {
    return new UsageException("detail must be min or max, not '" + value + "'");
  }

  public static UsageException invalidQuery(String detail) {
    return new UsageException("invalid query: " + detail);
  }

  /** What the user sees for an internal error: short, with the id to quote to the operators. */
  public static String internalError(String queryId) {
    return "internal error (query id " + queryId + "); please report this id to the service operators";
  }

  /** Why a job that was running when the service stopped is now in ERROR. */
  public static String interruptedByRestart() {
    return "the service restarted while this job was running; please submit it again";
  }

  public static String executionDurationExceeded(long seconds) {
    return "the job exceeded its execution duration of " + seconds + " s and was stopped";
  }

  public static String aborted() {
    return "the job was aborted";
  }
}
