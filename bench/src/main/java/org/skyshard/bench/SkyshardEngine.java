package org.skyshard.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.skyshard.query.exec.QueryOptions;
import org.skyshard.query.exec.QueryService;
import org.skyshard.query.exec.ResultStream;

/**
 * skyshard through its internal API: the czar's {@link QueryService} in embedded mode (in-process
 * workers over the store), ADQL text in, every value of every row read from the result stream.
 * TAP_SCHEMA is not its job (the TAP service answers it), so Q10 is not run here.
 */
public final class SkyshardEngine implements Engine {
  private final QueryService service;
  private final MemoryProbe memory = new JvmMemory();

  private SkyshardEngine(QueryService service) {
    this.service = service;
  }

  /** The embedded engine over the published store in {@code store}. */
  public static SkyshardEngine open(Path store, int workers) {
    try {
      return new SkyshardEngine(QueryService.embedded(store, workers));
    } catch (IOException e) {
      throw new BenchException(BenchMessages.loadFailed("skyshard", store.toString(),
          e.getMessage()), e);
    }
  }

  /** The service, shared with the TAP front end. */
  QueryService service() {
    return service;
  }

  /** True for queries this API answers (everything but TAP_SCHEMA). */
  @Override
  public boolean supports(BenchQuery q) {
    return !q.text(Dialect.ADQL).toUpperCase(Locale.ROOT).contains("TAP_SCHEMA.");
  }

  @Override
  public EngineId id() {
    return EngineId.SKYSHARD;
  }

  @Override
  public Session open() {
    return new Session() {
      @Override
      public long run(BenchQuery query) {
        long rows = 0;
        try (ResultStream s = service.execute(query.text(Dialect.ADQL), QueryOptions.defaults())) {
          int n = s.columns().size();
          while (s.next()) {
            for (int i = 0; i < n; i++) {
              s.value(i);
            }
            rows++;
          }
        } catch (RuntimeException e) {
          throw new BenchException(BenchMessages.queryFailed(EngineId.SKYSHARD.label(),
              query.id(), e.getMessage()), e);
        }
        return rows;
      }

      @Override
      public void close() {
        // sessions share the service
      }
    };
  }

  @Override
  public MemoryProbe memory() {
    return memory;
  }

  @Override
  public void close() {
    service.close();
  }
}
