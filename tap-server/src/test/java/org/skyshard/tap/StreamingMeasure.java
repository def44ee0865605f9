package org.skyshard.tap;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A measurement, not a test: streams an N-row result (default 10 million) through sync HTTP and
 * through an async job to a file, in a format (default VOTable BINARY2), and prints time, bytes
 * and peak heap. Run it with {@code -Xmx512m} to check that memory stays bounded:
 * {@code java -Xmx512m -cp ... org.skyshard.tap.StreamingMeasure 10000000 parquet}.
 */
public final class StreamingMeasure {
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    String format = args.length > 1 ? args[1] : "votable";
    Path dir = Files.createTempDirectory("skyshard-measure");
    String query = "SELECT TOP " + rows + " a.id, b.id AS id2, a.ra, a.dec, b.mag, c.name "
        + "FROM testcat.Star AS a, testcat.Star AS b, testcat.Star AS c";
    try (TestService s = TestService.start(dir, c -> c.withMaxrec(rows, rows))) {
      long t0 = System.nanoTime();
      HttpResponse<InputStream> r = s.http.send(HttpRequest.newBuilder(URI.create(s.url() + "/sync"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(TestService.form(Map.of("LANG", "ADQL", "QUERY", query, "RESPONSEFORMAT", format))))
          .build(), HttpResponse.BodyHandlers.ofInputStream());
      long bytes = 0;
      long firstByte = -1;
      byte[] buf = new byte[1 << 16];
      try (InputStream in = r.body()) {
        for (int n; (n = in.read(buf)) > 0; ) {
          if (firstByte < 0) {
            firstByte = System.nanoTime() - t0;
          }
          bytes += n;
        }
      }
      System.out.printf("sync " + format + ": %d rows, %.1f MB, first byte %.2f s, total %.1f s, peak heap %d MB%n",
          rows, bytes / 1e6, firstByte / 1e9, (System.nanoTime() - t0) / 1e9, peakHeapMb());

      long t1 = System.nanoTime();
      String job = AsyncJobTest.create(s, Map.of("LANG", "ADQL", "PHASE", "RUN", "QUERY", query, "RESPONSEFORMAT", format), null);
      String phase = AsyncJobTest.awaitFinal(s, job, null);
      long size = Files.size(s.config.resultsDir().resolve(job.substring(7)).resolve("result"));
      System.out.printf("async " + format + " to file: %s, %.1f MB, %.1f s, peak heap %d MB%n",
          phase, size / 1e6, (System.nanoTime() - t1) / 1e9, peakHeapMb());
    }
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
