package org.skyshard.partitioner;

import java.util.ArrayList;
import java.util.List;

/**
 * The pixel-map format kept in a store's manifest:
 * <pre>{"format":"skyshard-pixel-map","version":1,"threshold":50000,"minOrder":0,"maxOrder":12,
 *  "pixels":[[order,index,rows],...]}</pre>
 * Pixels are listed in chunk order. The reader accepts any whitespace and key order and checks that
 * the pixels tile the sphere.
 */
public final class PixelMapJson {
    static final String FORMAT = "skyshard-pixel-map";
    static final int VERSION = 1;

    private PixelMapJson() {
    }

    public static String write(PixelMap map) {
        MapParameters p = map.parameters();
        StringBuilder sb = new StringBuilder(32 + map.size() * 16);
        sb.append("{\"format\":\"").append(FORMAT).append("\",\"version\":").append(VERSION)
                .append(",\"threshold\":").append(p.threshold())
                .append(",\"minOrder\":").append(p.minOrder())
                .append(",\"maxOrder\":").append(p.maxOrder())
                .append(",\"pixels\":[");
        for (int i = 0; i < map.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(map.order(i)).append(',').append(map.index(i)).append(',')
                    .append(map.rows(i)).append(']');
        }
        return sb.append("]}").toString();
    }

    public static PixelMap read(String json) {
        Parser in = new Parser(json);
        String format = null;
        long version = -1;
        long threshold = -1;
        long minOrder = -1;
        long maxOrder = -1;
        List<Pixel> pixels = null;
        List<Long> rows = new ArrayList<>();
        in.expect('{');
        do {
            String key = in.string();
            in.expect(':');
            switch (key) {
                case "format" -> format = in.string();
                case "version" -> version = in.number();
                case "threshold" -> threshold = in.number();
                case "minOrder" -> minOrder = in.number();
                case "maxOrder" -> maxOrder = in.number();
                case "pixels" -> {
                    pixels = new ArrayList<>();
                    in.expect('[');
                    if (!in.tryConsume(']')) {
                        do {
                            in.expect('[');
                            long order = in.number();
                            in.expect(',');
                            long index = in.number();
                            in.expect(',');
                            rows.add(in.number());
                            in.expect(']');
                            pixels.add(new Pixel(Math.toIntExact(order), index));
                        } while (in.tryConsume(','));
                        in.expect(']');
                    }
                }
                default -> throw in.error("unknown key \"" + key + "\"");
            }
        } while (in.tryConsume(','));
        in.expect('}');
        in.end();
        if (!FORMAT.equals(format) || version != VERSION) {
            throw new IllegalArgumentException("not a " + FORMAT + " version " + VERSION + " document");
        }
        if (pixels == null || threshold < 0 || minOrder < 0 || maxOrder < 0) {
            throw new IllegalArgumentException("pixel map JSON lacks pixels, threshold, minOrder or maxOrder");
        }
        long[] r = rows.stream().mapToLong(Long::longValue).toArray();
        return new PixelMap(new MapParameters(threshold, (int) minOrder, (int) maxOrder), pixels, r);
    }

    /** A minimal reader for the few JSON shapes this format uses. */
    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        void expect(char c) {
            skip();
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        boolean tryConsume(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        String string() {
            expect('"');
            int end = s.indexOf('"', pos);
            if (end < 0) {
                throw error("unterminated string");
            }
            String v = s.substring(pos, end);
            pos = end + 1;
            return v;
        }

        long number() {
            skip();
            int start = pos;
            if (pos < s.length() && s.charAt(pos) == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                pos++;
            }
            try {
                return Long.parseLong(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("expected an integer");
            }
        }

        void end() {
            skip();
            if (pos != s.length()) {
                throw error("trailing characters");
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("pixel map JSON, character " + pos + ": " + what);
        }
    }
}
