package org.skyshard.bench;

import java.util.Arrays;
import java.util.List;

/**
 * The timed runs of one query on one engine.
 *
 * @param engine the engine
 * @param query the query id
 * @param rows rows returned (the same in every run)
 * @param millis wall-clock milliseconds of each timed run, from sending the query to reading the
 *     last value of the last row
 */
public record Timing(EngineId engine, String query, long rows, List<Double> millis) {
  public Timing {
    millis = List.copyOf(millis);
  }

  public double median() {
    double[] s = sorted();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  public double min() {
    return sorted()[0];
  }

  public double max() {
    double[] s = sorted();
    return s[s.length - 1];
  }

  private double[] sorted() {
    double[] s = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(s);
    return s;
  }
}
