package org.skyshard.ingest.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A published version of a catalog: what the workers serve and what the planner plans against.
 * Written as {@code manifest.json}; every path in it is relative to the version directory.
 *
 * @param format always {@link #FORMAT}
 * @param ingestId the id of the ingest that produced this version (also its directory name)
 * @param previousIngestId the version this one replaced, or null
 * @param created UTC time of publication, ISO-8601
 * @param schemaName the Felis schema name
 * @param schemaVersion the Felis schema version, or null
 * @param thresholdRows the pixel-map split threshold used (director rows per chunk)
 * @param marginArcsec the margin width used, in arcseconds
 * @param pixelMap the partitioner's JSON of the pixel map every partitioned table shares
 *     ({@code org.skyshard.partitioner.PixelMap.fromJson}), embedded as a JSON object
 * @param tables the tables, in schema order
 * @param inputs every input file whose rows this version holds
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(String format, String ingestId, String previousIngestId, String created,
    String schemaName, String schemaVersion, long thresholdRows, double marginArcsec,
    @JsonRawValue @JsonDeserialize(using = Manifest.RawJson.class) String pixelMap,
    List<TableEntry> tables, List<InputEntry> inputs) {

  public static final String FORMAT = "skyshard-store/1";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Manifest {
    tables = List.copyOf(tables);
    inputs = List.copyOf(inputs);
  }

  /** A table of this version by name, case-insensitively. */
  public Optional<TableEntry> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Total rows of all tables (margins not counted). */
  @JsonIgnore
  public long totalRows() {
    return tables.stream().mapToLong(TableEntry::rows).sum();
  }

  /** The manifest as JSON. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise manifest", e);
    }
  }

  /** Parses a manifest written by {@link #toJson}. */
  public static Manifest fromJson(String json) throws IOException {
    Manifest m = JSON.readValue(json, Manifest.class);
    if (!FORMAT.equals(m.format())) {
      throw new IOException("unknown store format " + m.format() + " (expected " + FORMAT + ")");
    }
    return m;
  }

  /** Reads a manifest file. */
  public static Manifest read(Path file) throws IOException {
    return fromJson(Files.readString(file));
  }

  /**
   * One table of a version.
   *
   * @param name the table name
   * @param kind director, child or replicated
   * @param rule the placement rule, as a table-class line
   * @param columns the schema columns in schema order (the digest's column order)
   * @param rows row count (margins excluded)
   * @param digest {@link RowDigest} of all rows, 16 hex digits
   * @param path the table's directory (a HATS catalog for partitioned tables)
   * @param chunks the non-empty chunks of a partitioned table, in pixel order; empty otherwise
   * @param file the single file of a replicated table, else null
   * @param marginPath the HATS margin catalog directory, or null when the table has no margins
   * @param idIndex the id index file of a director with an integer key, or null
   * @param idColumn the column the id index maps, or null
   * @param narrowPath the directory of the narrow chunk copies, or null when there are none
   * @param narrowColumns the columns of the narrow copies (with {@code _healpix_29}), or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record TableEntry(String name, String kind, String rule, List<String> columns, long rows,
      String digest, String path, List<ChunkEntry> chunks, String file, String marginPath,
      String idIndex, String idColumn, String narrowPath, List<String> narrowColumns) {
    public TableEntry {
      columns = List.copyOf(columns);
      chunks = List.copyOf(chunks);
      narrowColumns = narrowColumns == null ? null : List.copyOf(narrowColumns);
    }

    /** A table without narrow copies. */
    public TableEntry(String name, String kind, String rule, List<String> columns, long rows,
        String digest, String path, List<ChunkEntry> chunks, String file, String marginPath,
        String idIndex, String idColumn) {
      this(name, kind, rule, columns, rows, digest, path, chunks, file, marginPath, idIndex,
          idColumn, null, null);
    }

    /** The table's class. */
    @JsonIgnore
    public TableKind tableKind() {
      return TableKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * One non-empty chunk (HEALPix pixel) of a partitioned table.
   *
   * @param order the HEALPix order
   * @param pixel the NESTED index at that order
   * @param rows rows in the chunk file
   * @param digest {@link RowDigest} of the chunk file's rows
   * @param file the chunk file, {@code <table>/Norder=k/Dir=d/Npix=n.parquet}
   * @param marginRows rows in the margin file (0 when none)
   * @param marginDigest digest of the margin file's rows, or null
   * @param marginFile the margin file, or null
   * @param narrowFile the narrow copy of the chunk file (same rows, same order, the table's
   *     narrow columns), or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ChunkEntry(int order, long pixel, long rows, String digest, String file,
      long marginRows, String marginDigest, String marginFile, String narrowFile) {
    /** A chunk without a narrow copy. */
    public ChunkEntry(int order, long pixel, long rows, String digest, String file,
        long marginRows, String marginDigest, String marginFile) {
      this(order, pixel, rows, digest, file, marginRows, marginDigest, marginFile, null);
    }
  }

  /**
   * An input file whose rows a version holds.
   *
   * @param table the table it fed
   * @param name its path relative to the input directory it came from
   * @param size its size in bytes
   * @param fingerprint {@code sha256} of its size and head and tail (see {@code Fingerprint})
   */
  public record InputEntry(String table, String name, long size, String fingerprint) {}

  /** Reads an embedded JSON value back as its text. */
  static final class RawJson extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      return p.readValueAsTree().toString();
    }
  }
}
