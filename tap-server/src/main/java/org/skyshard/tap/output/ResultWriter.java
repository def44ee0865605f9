package org.skyshard.tap.output;

import java.io.IOException;
import java.io.OutputStream;
import uk.ac.starlink.fits.FitsTableWriter;
import uk.ac.starlink.table.StarTable;
import uk.ac.starlink.table.StoragePolicy;
import uk.ac.starlink.table.formats.CsvTableWriter;
import uk.ac.starlink.votable.DataFormat;
import org.skyshard.tap.engine.QueryFailedException;
import org.skyshard.tap.engine.ResultSource;

/**
 * Writes a streaming result in a {@link ResultFormat}: VOTable, CSV and FITS through STIL, TSV
 * and Parquet by this module. All but FITS are written in one pass as rows arrive; FITS needs
 * its row count up front, so its rows are first spooled to disk by STIL.
 */
public final class ResultWriter {

  /** Writes {@code source}, at most {@code maxrec} rows (negative: all), to {@code out}. */
  public WriteSummary write(ResultSource source, long maxrec, ResultFormat format, ResultInfo info,
      OutputStream out) throws IOException {
    ResultStarTable table = new ResultStarTable(source, maxrec);
    try {
      table.prefetch();
    } catch (QueryFailedException e) {
      // nothing is written yet: the client gets an error document and its status
      throw e.getCause() instanceof org.skyshard.tap.TapException t ? t
          : new org.skyshard.tap.UsageException(e.getMessage(), e);
    }
    if (format.isVoTable()) {
      table.endRowsOnFailure();
    }
    switch (format) {
      case VOTABLE_BINARY2 -> new TapVoTableWriter(DataFormat.BINARY2, info, table).writeStarTable(table, out);
      case VOTABLE_BINARY -> new TapVoTableWriter(DataFormat.BINARY, info, table).writeStarTable(table, out);
      case VOTABLE_TABLEDATA -> new TapVoTableWriter(DataFormat.TABLEDATA, info, table).writeStarTable(table, out);
      case CSV -> new CsvTableWriter(true).writeStarTable(table, out);
      case TSV -> TsvWriter.write(table, out);
      case FITS -> {
        StarTable spooled = StoragePolicy.PREFER_DISK.copyTable(table);
        new FitsTableWriter().writeStarTable(spooled, out);
      }
      case PARQUET -> ParquetResultWriter.write(table, source.columns(), info, out);
    }
    out.flush();
    return new WriteSummary(table.rowCount(), table.overflowed(), table.failure());
  }
}
