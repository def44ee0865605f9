package org.skyshard.checker;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Asks both sites at once: each site works on its own data, the checker waits for both. */
final class Both implements AutoCloseable {
  private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "checker-site");
    t.setDaemon(true);
    return t;
  });

  /** The two results, A's computed on another thread while B's is computed on this one. */
  <T> Pair<T> ask(Supplier<T> a, Supplier<T> b) {
    Future<T> fa = pool.submit(a::get);
    T rb = b.get();
    try {
      return new Pair<>(fa.get(), rb);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CheckException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new CheckException(String.valueOf(e.getCause().getMessage()), e.getCause());
    }
  }

  /** Results from site A and site B. */
  record Pair<T>(T a, T b) {}

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
