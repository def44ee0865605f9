package org.skyshard.query.plan;

import java.util.List;
import java.util.stream.Collectors;
import org.skyshard.adql.ResultColumn;

/**
 * The plan of one query: what runs on the chunks and how the czar merges it. Immutable,
 * printable ({@link #explain()}) and serialisable ({@link PlanJson}); planning does no I/O and
 * execution never plans.
 *
 * @param adql the query as given
 * @param strategy how it runs
 * @param chunks the chunks the fragments run on, in pixel order (empty for METADATA and
 *     REPLICATED)
 * @param fragmentSql the DuckDB SQL each fragment runs, with table placeholders
 *     ({@code {{chunk:T}}}, {@code {{narrow:T}}}, {@code {{margin:T}}}, {@code {{table:T}}},
 *     {@code {{upload:N}}}), or null for METADATA
 * @param merge how partial results are merged
 * @param columns the result columns, with their metadata
 * @param notes why the planner chose what it chose, for users reading EXPLAIN output
 */
public record QueryPlan(String adql, Strategy strategy, List<ChunkRef> chunks,
    String fragmentSql, MergePlan merge, List<ResultColumn> columns, List<String> notes) {
  public QueryPlan {
    chunks = List.copyOf(chunks);
    columns = List.copyOf(columns);
    notes = List.copyOf(notes);
  }

  /** The plan as text: strategy, chunks touched, fragment SQL, merge SQL, notes. */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    sb.append("strategy: ").append(strategy).append('\n');
    sb.append("chunks: ").append(chunks.size());
    if (!chunks.isEmpty()) {
      sb.append(" [").append(chunks.size() <= 20
          ? chunks.stream().map(ChunkRef::toString).collect(Collectors.joining(", "))
          : chunks.subList(0, 20).stream().map(ChunkRef::toString)
              .collect(Collectors.joining(", ")) + ", ...").append(']');
    }
    sb.append('\n');
    if (fragmentSql != null) {
      sb.append("fragment: ").append(fragmentSql).append('\n');
    }
    sb.append("merge: ").append(merge.kind());
    if (merge.sql() != null) {
      sb.append(' ').append(merge.sql());
    }
    if (merge.offset() > 0) {
      sb.append(" OFFSET ").append(merge.offset());
    }
    if (merge.limit() >= 0) {
      sb.append(" LIMIT ").append(merge.limit());
    }
    sb.append('\n');
    sb.append("columns: ").append(columns.stream().map(ResultColumn::name)
        .collect(Collectors.joining(", "))).append('\n');
    for (String n : notes) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }
}
