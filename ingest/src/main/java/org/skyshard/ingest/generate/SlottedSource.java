package org.skyshard.ingest.generate;

import java.util.HashSet;
import java.util.Set;
import org.skyshard.ingest.parquet.ColumnBatch;

/** A {@link RowSource} that remembers which structural columns it resolved. */
abstract class SlottedSource implements RowSource {
  private final Set<String> structural = new HashSet<>();
  protected final ColumnBatch batch;

  SlottedSource(ColumnBatch batch) {
    this.batch = batch;
  }

  /** Resolves a structural column; absent columns give a slot that ignores writes. */
  protected Slot slot(String column) {
    Slot s = Slot.of(batch, column);
    if (s.present()) {
      structural.add(column);
    }
    return s;
  }

  @Override
  public Set<String> structuralColumns() {
    return structural;
  }

  @Override
  public double noiseScale() {
    return RowContext.SINGLE_VISIT;
  }
}
