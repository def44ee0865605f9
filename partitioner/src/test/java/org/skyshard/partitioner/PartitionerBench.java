package org.skyshard.partitioner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * Throughput figures (not a test; timings are never asserted): Java hp29, margins per row, cone
 * covers, and DuckDB evaluating the generated hp29 SQL. Run:
 * {@code java -cp target/classes:target/test-classes:<duckdb jar> org.skyshard.partitioner.PartitionerBench}.
 * Reports thread CPU time, which stays meaningful on a loaded machine.
 */
public final class PartitionerBench {
    private PartitionerBench() {
    }

    public static void main(String[] args) throws Exception {
        ThreadMXBean tb = ManagementFactory.getThreadMXBean();
        int n = 2_000_000;
        double[] ra = new double[n];
        double[] dec = new double[n];
        Random rnd = new Random(81);
        for (int i = 0; i < n; i++) {
            double[] p = Footprint.point(rnd);
            ra[i] = p[0];
            dec[i] = p[1];
        }
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long c0 = tb.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                sink += Healpix.hp29(ra[i], dec[i]);
            }
            long c1 = tb.getCurrentThreadCpuTime();
            System.out.printf("hp29 (Java): %.1f ns/row CPU%n", (c1 - c0) / (double) n);
        }
        PixelMap map = Footprint.defaultMap();
        MarginFinder margins = new MarginFinder(map, MarginFinder.DEFAULT_RADIUS_DEG);
        for (int round = 0; round < 3; round++) {
            long c0 = tb.getCurrentThreadCpuTime();
            long with = 0;
            for (int i = 0; i < n; i++) {
                long hp = Healpix.hp29(ra[i], dec[i]);
                sink += map.chunkOf(hp);
                int[] m = margins.marginChunks(hp, ra[i], dec[i]);
                with += m.length > 0 ? 1 : 0;
            }
            long c1 = tb.getCurrentThreadCpuTime();
            System.out.printf("hp29 + chunkOf + 1' margins: %.1f ns/row CPU (%.2f%% rows in a margin)%n",
                    (c1 - c0) / (double) n, 100.0 * with / n);
        }
        RegionCover cover = new RegionCover();
        for (double r : new double[] {0.01, 0.1, 1}) {
            long c0 = tb.getCurrentThreadCpuTime();
            int k = 2000;
            for (int i = 0; i < k; i++) {
                Circle cone = new Circle(ra[i], dec[i], r);
                sink += cover.chunks(map, cone).length + cover.hp29Ranges(cone, 10).length;
            }
            long c1 = tb.getCurrentThreadCpuTime();
            System.out.printf("cone %.2f deg: chunks + order-10 ranges %.1f us CPU%n", r, (c1 - c0) / 1e3 / k);
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("SET threads = 1");
            st.execute("CREATE TABLE p AS SELECT 55 + random() * 15 AS ra, -42 + random() * 12 AS dec FROM range(2000000)");
            for (int round = 0; round < 2; round++) {
                long t0 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT sum(" + HealpixSql.hp29("ra", "dec") + ") FROM p")) {
                    rs.next();
                    sink += rs.getLong(1);
                }
                long t1 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT sum(h) FROM (" + HealpixSql.selectWithHp29("p", "ra", "dec", "h") + ")")) {
                    rs.next();
                    sink += rs.getLong(1);
                }
                long t2 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("SELECT sum(sin(dec)) FROM p")) {
                    rs.next();
                }
                long t3 = System.nanoTime();
                System.out.printf("hp29 in DuckDB, 1 thread: expression %.0f ns/row, staged SELECT %.0f ns/row"
                        + " (sum(sin(dec)) alone %.0f ns/row), wall%n", (t1 - t0) / 2e6, (t2 - t1) / 2e6, (t3 - t2) / 2e6);
            }
        }
        System.out.println(sink == 42 ? "" : "done");
    }
}
