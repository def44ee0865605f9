package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak RSS of this JVM (engines running in-process: DuckDB, skyshard's embedded workers and TAP
 * server): {@code VmHWM} of {@code /proc/self/status}, reset between engines by writing 5 to
 * {@code /proc/self/clear_refs}, so each engine's window starts from the RSS it inherits.
 */
public final class JvmMemory implements MemoryProbe {
  private boolean resettable = true;

  @Override
  public void reset() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | UnsupportedOperationException e) {
      resettable = false;
    }
  }

  @Override
  public long peakBytes() {
    return ProcFs.statusKb(Path.of("/proc/self/status"), "VmHWM:") * 1024;
  }

  @Override
  public String method() {
    return resettable ? "peak RSS of the bench JVM during this engine's runs (VmHWM, reset)"
        : "peak RSS of the bench JVM since it started (VmHWM; could not reset)";
  }
}
