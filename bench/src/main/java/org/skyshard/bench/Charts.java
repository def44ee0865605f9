package org.skyshard.bench;

import java.awt.Color;
import java.io.IOException;
import java.text.DecimalFormat;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The run's PNG charts, drawn with JFreeChart: median latency per query and engine as bars on a
 * log scale, and throughput against the number of concurrent clients.
 */
final class Charts {
  static final String LATENCY = "latency.png";
  static final String THROUGHPUT = "throughput.png";

  private Charts() {}

  static void write(Path dir, BenchResults r) throws IOException {
    System.setProperty("java.awt.headless", "true");
    latency(dir.resolve(LATENCY), r);
    throughput(dir.resolve(THROUGHPUT), r);
  }

  private static void latency(Path file, BenchResults r) throws IOException {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    double min = Double.MAX_VALUE;
    double max = 0;
    for (BenchQuery q : r.mix().queries()) {
      for (EngineId e : EngineId.values()) {
        Timing t = r.timing(e, q.id());
        Double v = t == null ? null : Math.max(t.median(), 0.001);
        data.addValue(v, e.label(), q.id());
        if (v != null) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    JFreeChart chart = ChartFactory.createBarChart("Median latency per query ("
        + String.format(java.util.Locale.ROOT, "%,d", r.config().objects()) + " objects)",
        "query", "median ms (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    LogAxis axis = new LogAxis("median ms (log scale)");
    axis.setBase(10);
    axis.setTickUnit(new NumberTickUnit(1));
    axis.setNumberFormatOverride(new DecimalFormat("#,##0.###"));
    double floor = min == Double.MAX_VALUE ? 0.1 : Math.pow(10,
        Math.floor(Math.log10(min * 0.9)));
    double ceiling = max == 0 ? 10 : Math.pow(10, Math.ceil(Math.log10(max * 1.01)));
    axis.setRange(floor, ceiling);
    plot.setRangeAxis(axis);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.GRAY);
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBase(floor);
    renderer.setShadowVisible(false);
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 1200, 600);
  }

  private static void throughput(Path file, BenchResults r) throws IOException {
    XYSeriesCollection data = new XYSeriesCollection();
    for (EngineId e : EngineId.values()) {
      XYSeries s = new XYSeries(e.label());
      r.concurrency().stream().filter(c -> c.engine() == e).forEach(c -> s.add(c.clients(),
          c.throughput()));
      if (!s.isEmpty()) {
        data.addSeries(s);
      }
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Throughput vs concurrency (Q1 cones, 1 in 8"
        + " clients on Q5)", "concurrent clients", "queries per second", data,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    plot.setRenderer(new XYLineAndShapeRenderer(true, true));
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.GRAY);
    plot.setDomainGridlinePaint(Color.GRAY);
    ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 550);
  }
}
