package org.skyshard.tap.uws;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UWS jobs in a relational database through plain JDBC: the same schema and SQL on the embedded
 * H2 default and on PostgreSQL. Times are epoch milliseconds; parameters are one URL-encoded
 * string, keeping the client's order and spelling. One connection, used by one thread at a time;
 * when the database drops it (a PostgreSQL restart), the store reconnects and retries once.
 */
public final class JobStore implements AutoCloseable {
  private static final String COLUMNS = "job_id, owner_id, run_id, phase, creation_time, start_time, "
      + "end_time, execution_duration, destruction, parameters, error_message, result_mime, "
      + "result_rows, overflow";

  private final String url;
  private final String user;
  private final String password;
  private Connection connection;

  /** One unit of work on the connection. */
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Opens (and creates, if needed) the job table at {@code url}. */
  public JobStore(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
    try {
      this.connection = DriverManager.getConnection(url, user, password);
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE TABLE IF NOT EXISTS uws_job ("
            + "job_id VARCHAR(64) PRIMARY KEY, owner_id VARCHAR(256) NOT NULL, run_id VARCHAR(1024), "
            + "phase VARCHAR(16) NOT NULL, creation_time BIGINT NOT NULL, start_time BIGINT, "
            + "end_time BIGINT, execution_duration BIGINT NOT NULL, destruction BIGINT NOT NULL, "
            + "parameters VARCHAR(1000000) NOT NULL, error_message VARCHAR(8000), "
            + "result_mime VARCHAR(128), result_rows BIGINT, overflow BOOLEAN NOT NULL)");
        st.execute("CREATE INDEX IF NOT EXISTS uws_job_owner ON uws_job (owner_id, creation_time)");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the job store " + url + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work}; on a lost connection (SQLSTATE class 08, or closed) reconnects and retries once. */
  private synchronized <T> T call(String what, Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      if (!connectionLost(e)) {
        throw failure(what, e);
      }
      try {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // it is broken anyway
        }
        connection = DriverManager.getConnection(url, user, password);
        return work.run(connection);
      } catch (SQLException again) {
        throw failure(what, again);
      }
    }
  }

  private boolean connectionLost(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return true;
    }
    try {
      return connection.isClosed() || !connection.isValid(2);
    } catch (SQLException ignored) {
      return true;
    }
  }

  public void insert(Job job) {
    call("store job " + job.jobId(), c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO uws_job (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(ps, job);
        return ps.executeUpdate();
      }
    });
  }

  public void update(Job job) {
    call("update job " + job.jobId(), c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE uws_job SET job_id = ?, "
          + "owner_id = ?, run_id = ?, phase = ?, creation_time = ?, start_time = ?, end_time = ?, "
          + "execution_duration = ?, destruction = ?, parameters = ?, error_message = ?, "
          + "result_mime = ?, result_rows = ?, overflow = ? WHERE job_id = ?")) {
        bind(ps, job);
        ps.setString(15, job.jobId());
        return ps.executeUpdate();
      }
    });
  }

  public Optional<Job> find(String jobId) {
    return call("read job " + jobId, c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM uws_job WHERE job_id = ?")) {
        ps.setString(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(read(rs)) : Optional.<Job>empty();
        }
      }
    });
  }

  /**
   * The jobs of {@code owner}, oldest first: only those in {@code phases} (empty: all but
   * ARCHIVED), created after {@code after} (null: any), the {@code last} most recently created
   * (null: all).
   */
  public List<Job> list(String owner, Set<ExecutionPhase> phases, Instant after, Integer last) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM uws_job WHERE owner_id = ?");
    if (after != null) {
      sql.append(" AND creation_time > ?");
    }
    sql.append(" ORDER BY creation_time DESC, job_id DESC");
    List<Job> out = call("list jobs", c -> {
      List<Job> jobs = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        ps.setString(1, owner);
        if (after != null) {
          ps.setLong(2, after.toEpochMilli());
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next() && (last == null || jobs.size() < last)) {
            Job j = read(rs);
            boolean wanted = phases.isEmpty() ? j.phase() != ExecutionPhase.ARCHIVED
                : phases.contains(j.phase());
            if (wanted) {
              jobs.add(j);
            }
          }
        }
      }
      return jobs;
    });
    java.util.Collections.reverse(out);
    return out;
  }

  /** Jobs whose destruction time has passed. */
  public List<Job> expired(Instant now) {
    return select("find expired jobs", "WHERE destruction <= " + now.toEpochMilli());
  }

  /** Jobs left QUEUED or EXECUTING by a previous run of the service. */
  public List<Job> active() {
    return select("find active jobs", "WHERE phase IN ('QUEUED', 'EXECUTING')");
  }

  private List<Job> select(String what, String where) {
    return call(what, c -> {
      List<Job> out = new ArrayList<>();
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM uws_job " + where)) {
        while (rs.next()) {
          out.add(read(rs));
        }
      }
      return out;
    });
  }

  public void delete(String jobId) {
    call("delete job " + jobId, c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM uws_job WHERE job_id = ?")) {
        ps.setString(1, jobId);
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing at shutdown
    }
  }

  private static void bind(PreparedStatement ps, Job j) throws SQLException {
    ps.setString(1, j.jobId());
    ps.setString(2, j.owner());
    ps.setString(3, j.runId());
    ps.setString(4, j.phase().name());
    ps.setLong(5, j.creationTime().toEpochMilli());
    setTime(ps, 6, j.startTime());
    setTime(ps, 7, j.endTime());
    ps.setLong(8, j.executionDuration());
    ps.setLong(9, j.destruction().toEpochMilli());
    ps.setString(10, encode(j.parameters()));
    ps.setString(11, j.errorMessage() == null ? null
        : j.errorMessage().substring(0, Math.min(8000, j.errorMessage().length())));
    ps.setString(12, j.resultMime());
    if (j.resultRows() == null) {
      ps.setNull(13, Types.BIGINT);
    } else {
      ps.setLong(13, j.resultRows());
    }
    ps.setBoolean(14, j.overflow());
  }

  private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
    if (t == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, t.toEpochMilli());
    }
  }

  private static Job read(ResultSet rs) throws SQLException {
    long rows = rs.getLong(13);
    Long resultRows = rs.wasNull() ? null : rows;
    return new Job(rs.getString(1), rs.getString(2), rs.getString(3),
        ExecutionPhase.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
        time(rs, 6), time(rs, 7), rs.getLong(8), Instant.ofEpochMilli(rs.getLong(9)),
        decode(rs.getString(10)), rs.getString(11), rs.getString(12), resultRows,
        rs.getBoolean(14));
  }

  private static Instant time(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static String encode(Map<String, String> params) {
    StringBuilder b = new StringBuilder();
    params.forEach((k, v) -> {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v == null ? "" : v, StandardCharsets.UTF_8));
    });
    return b.toString();
  }

  static Map<String, String> decode(String s) {
    Map<String, String> m = new LinkedHashMap<>();
    if (s == null || s.isEmpty()) {
      return m;
    }
    for (String pair : s.split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("job store: cannot " + what + ": " + e.getMessage(), e);
  }
}
