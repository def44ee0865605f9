package org.skyshard.worker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skyshard.ingest.store.Manifest;
import org.skyshard.ingest.store.Sql;
import org.skyshard.ingest.store.TableKind;

/**
 * Resolves a fragment's placeholders against one store version: chunk files are bound directly
 * with {@code read_parquet('<file>')} (no views: a view over a wide file re-binds on every
 * query).
 */
final class Relations implements SqlTemplate.Resolver {
  private final StoreFiles files;
  private final Map<String, String> uploads;

  /**
   * @param files the store version
   * @param uploads upload name (matched case-insensitively) → the SQL name of its table
   */
  Relations(StoreFiles files, Map<String, String> uploads) {
    this.files = files;
    this.uploads = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.uploads.putAll(uploads);
  }

  /** Checks every placeholder of the template; the reason when one cannot be resolved. */
  Optional<String> check(SqlTemplate t, boolean oneChunkAtATime) {
    for (SqlTemplate.Placeholder p : t.placeholders()) {
      switch (p.kind()) {
        case UPLOAD -> {
          if (!uploads.containsKey(p.name())) {
            return Optional.of("the fragment references upload " + p.name()
                + " but does not ship it");
          }
        }
        case CHUNK_ORDER, CHUNK_PIXEL -> {
          if (!oneChunkAtATime) {
            return Optional.of("{{chunkOrder}} and {{chunkPixel}} need a chunk list run one"
                + " chunk at a time (mode EACH or UNION_ALL)");
          }
        }
        default -> {
          Optional<Manifest.TableEntry> e = files.table(p.name());
          if (e.isEmpty()) {
            return Optional.of("no table " + p.name() + " in store version "
                + files.versionId());
          }
          boolean replicated = e.get().tableKind() == TableKind.REPLICATED;
          if (replicated && p.kind() != SqlTemplate.Kind.TABLE) {
            return Optional.of(p.name() + " is replicated: reference it as {{table:"
                + p.name() + "}}");
          }
          if (files.anyFile(p.name()).isEmpty()) {
            return Optional.of("table " + p.name() + " has no files in store version "
                + files.versionId());
          }
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String resolve(SqlTemplate.Placeholder p, ChunkId chunk) {
    return switch (p.kind()) {
      case CHUNK -> file(chunk == null ? Optional.empty() : files.chunkFile(p.name(), chunk),
          p.name());
      case NARROW -> narrow(chunk == null ? Optional.empty()
          : files.narrowFile(p.name(), chunk), p.name());
      case MARGIN -> file(chunk == null ? Optional.empty() : files.marginFile(p.name(), chunk),
          p.name());
      case TABLE -> parquet(Sql.pathList(files.tableFiles(p.name())));
      case UPLOAD -> uploads.get(p.name());
      case CHUNK_ORDER -> Integer.toString(chunk.order());
      case CHUNK_PIXEL -> Long.toString(chunk.pixel());
    };
  }

  /** A resolver in which chunk and margin placeholders stand for all {@code chunks} at once. */
  SqlTemplate.Resolver together(List<ChunkId> chunks) {
    return (p, ignored) -> switch (p.kind()) {
      case CHUNK, NARROW, MARGIN -> {
        List<Path> fs = new ArrayList<>();
        for (ChunkId c : chunks) {
          (switch (p.kind()) {
            case CHUNK -> files.chunkFile(p.name(), c);
            case NARROW -> files.narrowFile(p.name(), c);
            default -> files.marginFile(p.name(), c);
          }).ifPresent(fs::add);
        }
        yield !fs.isEmpty() ? parquet(Sql.pathList(fs))
            : p.kind() == SqlTemplate.Kind.NARROW ? narrow(Optional.empty(), p.name())
            : file(Optional.empty(), p.name());
      }
      default -> resolve(p, null);
    };
  }

  /** The tables a template reads, for error messages: {@code "Object, ForcedSource"}. */
  static String tables(SqlTemplate t) {
    return String.join(", ", t.placeholders().stream()
        .filter(p -> p.kind() == SqlTemplate.Kind.CHUNK || p.kind() == SqlTemplate.Kind.NARROW
            || p.kind() == SqlTemplate.Kind.MARGIN
            || p.kind() == SqlTemplate.Kind.TABLE)
        .map(p -> p.kind() == SqlTemplate.Kind.MARGIN ? p.name() + " margin" : p.name())
        .distinct().toList());
  }

  /** A narrow copy, or an empty relation of the narrow columns when the chunk has no rows. */
  private String narrow(Optional<Path> f, String table) {
    List<String> columns = files.table(table).map(Manifest.TableEntry::narrowColumns)
        .orElse(null);
    if (f.isPresent() || columns == null) {
      return file(f, table);
    }
    return "(SELECT " + Sql.idents(columns) + " FROM "
        + parquet(Sql.path(files.anyFile(table).orElseThrow())) + " LIMIT 0)";
  }

  private String file(Optional<Path> f, String table) {
    if (f.isPresent()) {
      return parquet(Sql.path(f.get()));
    }
    // No rows of this table in the chunk: an empty relation with the table's columns.
    return "(SELECT * FROM " + parquet(Sql.path(files.anyFile(table).orElseThrow()))
        + " LIMIT 0)";
  }

  /**
   * {@code read_parquet} of a path or path list. DuckDB reads the HATS directory names
   * ({@code Norder=k/Dir=d/Npix=n}) as Hive partition columns, which line a chunk file up with
   * its margin file (which holds them as columns) in {@code chunk UNION ALL margin}.
   */
  private static String parquet(String paths) {
    return "read_parquet(" + paths + ")";
  }
}
