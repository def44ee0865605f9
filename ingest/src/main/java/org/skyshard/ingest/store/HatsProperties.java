package org.skyshard.ingest.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes the HATS metadata of one catalog directory: {@code hats.properties} and
 * {@code partition_info.csv}, so LSDB can open a table (or its margin cache) of a version as it
 * is.
 */
public final class HatsProperties {
  private HatsProperties() {}

  /**
   * Writes both files into {@code dir}.
   *
   * @param dir the catalog directory
   * @param name the catalog name (the table, or {@code <table>_margin})
   * @param ra the right-ascension column (for a child: its own position, which lies within the
   *     margin of its director's pixel, while {@code _healpix_29} is the director's)
   * @param dec the declination column
   * @param rows total rows
   * @param maxRows the most rows in one pixel
   * @param maxOrder the deepest order of a pixel listed
   * @param partitionInfoCsv the {@code Norder,Npix} lines
   * @param marginOf for a margin cache the primary catalog's directory name, else null
   * @param marginArcsec the margin width, for a margin cache
   */
  public static void write(Path dir, String name, String ra, String dec, long rows,
      long maxRows, int maxOrder,
      String partitionInfoCsv, String marginOf, double marginArcsec) throws IOException {
    Files.createDirectories(dir);
    StringBuilder p = new StringBuilder();
    p.append("#HATS catalog written by skyshard\n");
    p.append("obs_collection=").append(name).append('\n');
    p.append("dataproduct_type=").append(marginOf != null ? "margin" : "object").append('\n');
    p.append("hats_nrows=").append(rows).append('\n');
    if (ra != null) {
      p.append("hats_col_ra=").append(ra).append('\n');
      p.append("hats_col_dec=").append(dec).append('\n');
    }
    if (marginOf != null) {
      p.append("hats_primary_table_url=../").append(marginOf).append('\n');
      p.append("hats_margin_threshold=").append(String.format(Locale.ROOT, "%.6f", marginArcsec))
          .append('\n');
    }
    p.append("hats_max_rows=").append(maxRows).append('\n');
    p.append("hats_order=").append(maxOrder).append('\n');
    p.append("hats_col_healpix=_healpix_29\n");
    p.append("hats_col_healpix_order=29\n");
    p.append("hats_npix_suffix=.parquet\n");
    p.append("hats_builder=skyshard\n");
    p.append("hats_creation_date=").append(DateTimeFormatter.ISO_INSTANT.format(
        Instant.now().atOffset(ZoneOffset.UTC).withNano(0).toInstant())).append('\n');
    p.append("hats_version=v0.1\n");
    Files.writeString(dir.resolve("hats.properties"), p.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("partition_info.csv"), partitionInfoCsv, StandardCharsets.UTF_8);
  }
}
