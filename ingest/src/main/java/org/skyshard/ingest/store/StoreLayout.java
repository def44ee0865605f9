package org.skyshard.ingest.store;

import java.nio.file.Path;

/**
 * Where everything lives in a store directory. One store holds one catalog:
 *
 * <pre>
 * STORE/
 *   skyshard-store.json         marker: this directory is a skyshard store
 *   manifest.json               the published version (replaced by one atomic rename)
 *   .lock                       held by a running ingest
 *   versions/ID/                immutable version directories, ID = the ingest id
 *     manifest.json             copy of the manifest; present only in a complete version
 *     Object/                   a HATS catalog: hats.properties, partition_info.csv,
 *       Norder=k/Dir=d/Npix=n.parquet   rows sorted by _healpix_29 (first column)
 *     Object_margin/            its HATS margin cache, same pixel paths
 *     Visit/Visit.parquet       a replicated table, whole
 *     index/Object.objectId.idx a director id index ({@link IdIndex})
 *   staging/ID/                 an ingest in progress; renamed to versions/ID when complete
 * </pre>
 */
public record StoreLayout(Path root) {

  public StoreLayout {
    root = root.toAbsolutePath().normalize();
  }

  public static final String MARKER = "skyshard-store.json";
  public static final String MANIFEST = "manifest.json";

  public Path marker() {
    return root.resolve(MARKER);
  }

  /** The published manifest. */
  public Path manifest() {
    return root.resolve(MANIFEST);
  }

  public Path lockFile() {
    return root.resolve(".lock");
  }

  public Path versionsDir() {
    return root.resolve("versions");
  }

  public Path version(String ingestId) {
    return versionsDir().resolve(ingestId);
  }

  public Path stagingDir() {
    return root.resolve("staging");
  }

  public Path staging(String ingestId) {
    return stagingDir().resolve(ingestId);
  }

  /** The table's directory, relative to a version directory. */
  public static String tableDir(String table) {
    return table;
  }

  /** The table's HATS margin cache directory, relative to a version directory. */
  public static String marginDir(String table) {
    return table + "_margin";
  }

  /** A chunk file relative to a version directory: {@code T/Norder=k/Dir=d/Npix=n.parquet}. */
  public static String chunkFile(String table, int order, long pixel) {
    return tableDir(table) + "/" + hatsPath(order, pixel);
  }

  /** A margin file relative to a version directory. */
  public static String marginFile(String table, int order, long pixel) {
    return marginDir(table) + "/" + hatsPath(order, pixel);
  }

  /** The directory of a table's narrow chunk copies, relative to a version directory. */
  public static String narrowDir(String table) {
    return table + "_narrow";
  }

  /** A narrow chunk copy relative to a version directory. */
  public static String narrowFile(String table, int order, long pixel) {
    return narrowDir(table) + "/" + hatsPath(order, pixel);
  }

  /** A replicated table's file relative to a version directory. */
  public static String replicatedFile(String table) {
    return tableDir(table) + "/" + table + ".parquet";
  }

  /** An id index relative to a version directory. */
  public static String idIndexFile(String table, String column) {
    return "index/" + table + "." + column + ".idx";
  }

  /** HATS's pixel path, {@code Norder=k/Dir=d/Npix=n.parquet}, d = (n / 10000) * 10000. */
  public static String hatsPath(int order, long pixel) {
    return "Norder=" + order + "/Dir=" + (pixel / 10_000) * 10_000 + "/Npix=" + pixel + ".parquet";
  }
}
