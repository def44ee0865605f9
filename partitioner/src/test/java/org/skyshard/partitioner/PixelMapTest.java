package org.skyshard.partitioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelMapTest {

    @Test
    void defaultThresholdGivesTensOfChunksForAMillionObjects() {
        PixelMap map = Footprint.defaultMap();
        int[] populated = map.populated();
        long total = 0;
        long max = 0;
        for (int c : populated) {
            total += map.rows(c);
            max = Math.max(max, map.rows(c));
        }
        System.out.println("default map for 1e6 objects: " + map + ", largest chunk " + max + " rows, orders "
                + map.pixels().stream().mapToInt(Pixel::order).summaryStatistics());
        assertEquals(1_000_000, total);
        assertTrue(populated.length >= 10 && populated.length < 100, "chunks: " + populated.length);
        assertTrue(max <= MapParameters.DEFAULT_THRESHOLD);
    }

    @Test
    void splitsExactlyWhileAPixelHoldsMoreThanTheThreshold() {
        Random rnd = new Random(41);
        MapParameters params = new MapParameters(1000, 1, 9);
        PixelMapBuilder b = new PixelMapBuilder(params, 11);
        long[] fine = new long[(int) Healpix.pixelCount(11)];
        for (int i = 0; i < 200_000; i++) {
            double[] p = i % 2 == 0 ? Footprint.point(rnd) : Sky.uniformRaDec(rnd);
            long hp = Healpix.hp29(p[0], p[1]);
            b.addHp29(hp);
            fine[(int) (hp >> 36)]++;
        }
        PixelMap map = b.build();
        for (int c = 0; c < map.size(); c++) {
            Pixel px = map.pixel(c);
            long count = 0;
            for (long f = px.hp29Start() >> 36; f < px.hp29End() >> 36; f++) {
                count += fine[(int) f];
            }
            assertEquals(count, map.rows(c));
            assertTrue(px.order() >= 1 && px.order() <= 9);
            if (px.order() < 9) {
                assertTrue(count <= 1000, "unsplit pixel over threshold: " + px);
            }
            if (px.order() > 1) {
                // its parent held more than the threshold
                Pixel parent = Pixel.ofHp29(px.order() - 1, px.hp29Start());
                long pc = 0;
                for (long f = parent.hp29Start() >> 36; f < parent.hp29End() >> 36; f++) {
                    pc += fine[(int) f];
                }
                assertTrue(pc > 1000, "needless split of " + parent);
            }
        }
    }

    @Test
    void everyPositionMapsToTheOnePixelContainingIt() {
        PixelMap map = Footprint.defaultMap();
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double[] p = Sky.tricky(rnd);
            long hp = Healpix.hp29(p[0], p[1]);
            int c = map.chunkOf(hp);
            assertTrue(map.pixel(c).containsHp29(hp));
            assertEquals(c, map.chunkOf(p[0], p[1]));
        }
        assertEquals(0, map.chunkOf(0L));
        assertEquals(map.size() - 1, map.chunkOf(Healpix.hp29End(0, 11) - 1));
        assertThrows(IllegalArgumentException.class, () -> map.chunkOf(Healpix.hp29End(0, 11)));
        assertThrows(IllegalArgumentException.class, () -> map.chunkOf(-1L));
    }

    @Test
    void aggregatedCountsGiveTheSameMapAsRows() {
        Random rnd = new Random(43);
        PixelMapBuilder rows = PixelMapBuilder.withDefaults();
        java.util.Map<Long, Long> grouped = new java.util.TreeMap<>();
        for (int i = 0; i < 300_000; i++) {
            double[] p = Footprint.point(rnd);
            long hp = Healpix.hp29(p[0], p[1]);
            rows.addHp29(hp);
            grouped.merge(hp >> rows.hp29Shift(), 1L, Long::sum);
        }
        PixelMapBuilder agg = PixelMapBuilder.withDefaults();
        grouped.forEach(agg::add);
        assertEquals(rows.build(), agg.build());
        assertEquals(34, agg.hp29Shift());
    }

    @Test
    void jsonRoundTrips() {
        PixelMap map = Footprint.defaultMap();
        String json = map.toJson();
        assertTrue(json.startsWith("{\"format\":\"skyshard-pixel-map\",\"version\":1,\"threshold\":50000,"));
        PixelMap back = PixelMap.fromJson(json);
        assertEquals(map, back);
        assertEquals(json, back.toJson());
        // whitespace and key order are free
        String spaced = "{ \"pixels\" : [ " + json.substring(json.indexOf("[[") + 1, json.lastIndexOf("]]") + 1)
                .replace(",", " , ") + " ] , \"maxOrder\" : 12, \"minOrder\":0 ,\"threshold\":50000,"
                + "\"version\":1,\"format\":\"skyshard-pixel-map\"}\n";
        assertEquals(map, PixelMap.fromJson(spaced));
        PixelMap uniform = PixelMap.uniform(2);
        assertEquals(uniform, PixelMap.fromJson(uniform.toJson()));
    }

    @Test
    void badJsonAndBadTilingsAreRejected() {
        String ok = PixelMap.uniform(0).toJson();
        assertThrows(IllegalArgumentException.class, () -> PixelMap.fromJson(ok.replace("\"version\":1", "\"version\":2")));
        assertThrows(IllegalArgumentException.class, () -> PixelMap.fromJson(ok.replace("[0,11,0]", "[0,10,0]")));
        assertThrows(IllegalArgumentException.class, () -> PixelMap.fromJson(ok.replace(",[0,11,0]", "")));
        assertThrows(IllegalArgumentException.class, () -> PixelMap.fromJson(ok + "x"));
        assertThrows(IllegalArgumentException.class, () -> PixelMap.fromJson(ok.substring(0, 40)));
        List<Pixel> overlap = new ArrayList<>(PixelMap.uniform(0).pixels());
        overlap.add(new Pixel(1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new PixelMap(MapParameters.defaults(), overlap, new long[overlap.size()]));
    }

    @Test
    void hatsPartitionInfoAndPaths() {
        List<Pixel> pixels = new ArrayList<>();
        long[] rows = new long[12 + 3 + 4];
        for (int b = 1; b < 12; b++) {
            pixels.add(new Pixel(0, b));
        }
        for (int i = 0; i < 3; i++) {
            pixels.add(new Pixel(1, i));
        }
        for (int i = 12; i < 16; i++) {
            pixels.add(new Pixel(2, i));
        }
        rows[11] = 5;   // 1/0
        rows[14] = 7;   // 2/12
        rows[3] = 1;    // 0/4
        PixelMap map = new PixelMap(MapParameters.defaults(), pixels, java.util.Arrays.copyOf(rows, pixels.size()));
        assertEquals("Norder,Npix\n1,0\n2,12\n0,4\n", map.partitionInfoCsv());
        assertEquals(List.of(new Chunk(0, new Pixel(1, 0), 5), new Chunk(3, new Pixel(2, 12), 7), new Chunk(10, new Pixel(0, 4), 1)),
                map.populatedChunks());
        assertEquals(map.size(), map.chunks().size());
        assertEquals("Norder=11/Dir=20000/Npix=25321.parquet", new Pixel(11, 25321).hatsPath());
        assertEquals(0, new Pixel(5, 9999).hatsDir());
        assertEquals(10000, new Pixel(5, 10000).hatsDir());
    }
}
