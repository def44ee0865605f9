package org.skyshard.checker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a check has finished, so that an interrupted check continues where it stopped
 * ({@code --resume FILE}): one JSON line naming the check (sites and options), then one line per
 * table compared, written and synced as soon as the table is done. A journal of another check
 * is refused; the journal is deleted when the check completes.
 */
public final class CheckJournal {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path file;
  private final Map<String, Entry> done = new LinkedHashMap<>();

  private CheckJournal(Path file) {
    this.file = file;
  }

  /**
   * One finished table.
   *
   * @param table the table
   * @param result its counts
   * @param differences what differs in it
   * @param traffic what its comparison moved
   * @param truncated whether differing keys were left unlisted
   */
  public record Entry(String table, TableResult result, List<Difference> differences,
      Traffic traffic, boolean truncated) {
    public Entry {
      differences = differences == null ? List.of() : List.copyOf(differences);
    }
  }

  /** The first line: which check this journal belongs to. */
  record Header(String check) {}

  /**
   * Opens (or starts) the journal {@code file} of the check described by {@code identity}.
   *
   * @throws CheckException when the file is the journal of another check or unreadable
   */
  public static CheckJournal open(Path file, String identity) {
    CheckJournal j = new CheckJournal(file);
    try {
      if (Files.exists(file) && Files.size(file) > 0) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Header h = JSON.readValue(lines.get(0), Header.class);
        if (!identity.equals(h.check())) {
          throw CheckMessages.otherJournal(file, h.check(), identity);
        }
        for (String line : lines.subList(1, lines.size())) {
          if (line.isBlank()) {
            continue;
          }
          try {
            Entry e = JSON.readValue(line, Entry.class);
            j.done.put(e.table(), e);
          } catch (IOException partial) {
            break; // the line being written when the check was interrupted
          }
        }
        j.rewrite(identity);
      } else {
        j.rewrite(identity);
      }
    } catch (IOException e) {
      throw CheckMessages.journal(file, e);
    }
    return j;
  }

  /** The table's result if an earlier run finished it. */
  public Optional<Entry> done(String table) {
    return Optional.ofNullable(done.get(table));
  }

  /** Records a finished table. */
  public void record(Entry e) {
    try {
      append(JSON.writeValueAsString(e));
      done.put(e.table(), e);
    } catch (IOException x) {
      throw CheckMessages.journal(file, x);
    }
  }

  /** The check completed: the journal is no longer needed. */
  public void finish() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw CheckMessages.journal(file, e);
    }
  }

  /** Writes the header and the complete entries afresh (drops a torn last line). */
  private void rewrite(String identity) throws IOException {
    StringBuilder sb = new StringBuilder(JSON.writeValueAsString(new Header(identity)))
        .append('\n');
    for (Entry e : done.values()) {
      sb.append(JSON.writeValueAsString(e)).append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, sb, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private void append(String line) throws IOException {
    Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
        StandardOpenOption.SYNC);
  }
}
