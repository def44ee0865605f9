package org.skyshard.tap.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An OutputStream, written from a worker thread, that sends chunks of 64 KiB on an HTTP response
 * and, when the connection's write queue is full, waits for it to drain, so a slow client slows
 * the query down instead of filling memory.
 */
final class ResponseOutputStream extends OutputStream {
  private static final int CHUNK = 64 * 1024;
  private final HttpServerResponse response;
  private final Runnable beforeFirstWrite;
  private byte[] buf = new byte[CHUNK];
  private int n;
  private boolean started;
  private long written;
  private volatile Throwable failure;

  ResponseOutputStream(HttpServerResponse response, Runnable beforeFirstWrite) {
    this.response = response;
    this.beforeFirstWrite = beforeFirstWrite;
  }

  @Override
  public void write(int b) throws IOException {
    if (n == buf.length) {
      send();
    }
    buf[n++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (n == buf.length) {
        send();
      }
      int k = Math.min(len, buf.length - n);
      System.arraycopy(b, off, buf, n, k);
      n += k;
      off += k;
      len -= k;
    }
  }

  @Override
  public void flush() throws IOException {
    if (n > 0) {
      send();
    }
  }

  /** Bytes sent so far. */
  long written() {
    return written;
  }

  /** True once any byte went out (the status line can no longer change). */
  boolean started() {
    return started;
  }

  private void send() throws IOException {
    if (!started) {
      started = true;
      beforeFirstWrite.run();
    }
    Buffer chunk = Buffer.buffer(n).appendBytes(buf, 0, n);
    written += n;
    n = 0;
    if (failure != null) {
      throw new IOException("the client went away: " + failure.getMessage(), failure);
    }
    response.write(chunk).onFailure(e -> failure = e);
    if (!response.writeQueueFull()) {
      return;
    }
    CompletableFuture<Void> drained = new CompletableFuture<>();
    response.drainHandler(v -> drained.complete(null));
    response.closeHandler(v -> drained.completeExceptionally(new IOException("connection closed")));
    if (!response.writeQueueFull()) {
      drained.complete(null);
    }
    try {
      drained.get(10, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while sending", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("the client went away: " + e.getMessage(), e);
    }
  }
}
