package org.skyshard.ingest.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes {@code _generator.json}: the options a release was made with and what it holds. It
 * carries no timestamps, so two runs with the same options write the same file; it is written
 * last, so its presence says the release is complete.
 */
final class GeneratorManifest {
  private GeneratorManifest() {}

  static void write(GenerationPlan plan, Generator.Result result) throws IOException {
    GeneratorOptions o = plan.options();
    Footprint f = o.footprint();
    StringBuilder sb = new StringBuilder();
    sb.append("{\n");
    sb.append("  \"generator\": \"skyshard generate\",\n");
    sb.append("  \"version\": ").append(Generator.VERSION).append(",\n");
    sb.append("  \"seed\": ").append(o.seed()).append(",\n");
    sb.append("  \"objects\": ").append(o.objects()).append(",\n");
    sb.append(String.format(Locale.ROOT, "  \"density_per_deg2\": %.3f,%n",
        o.objects() / f.areaDeg2()));
    sb.append(String.format(Locale.ROOT, "  \"footprint\": {\"ra_min\": %s, \"ra_max\": %s, "
        + "\"dec_min\": %s, \"dec_max\": %s},%n", num(f.raMin()), num(f.raMax()),
        num(f.decMin()), num(f.decMax())));
    sb.append("  \"schema\": ").append(o.schema() == null ? "\"bundled dp02_dc2.yaml\""
        : quote(o.schema().toString())).append(",\n");
    sb.append("  \"files_per_table\": ").append(plan.tiles().size()).append(",\n");
    sb.append("  \"visits\": ").append(plan.visits().count).append(",\n");
    sb.append("  \"tables\": {");
    String sep = "\n";
    for (Generator.TableResult t : result.tables()) {
      sb.append(sep).append("    ").append(quote(t.table())).append(": {\"files\": ")
          .append(t.files()).append(", \"rows\": ").append(t.rows()).append("}");
      sep = ",\n";
    }
    sb.append("\n  }\n}\n");
    Path target = o.out().resolve(Generator.MANIFEST);
    Path tmp = o.out().resolve(Generator.MANIFEST + ".tmp");
    Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
