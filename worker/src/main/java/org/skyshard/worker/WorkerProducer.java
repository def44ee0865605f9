package org.skyshard.worker;

import java.lang.management.ManagementFactory;
import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;

/**
 * The worker's Flight protocol: {@code DoGet} with a {@link Fragment} ticket runs it;
 * {@code DoAction} serves {@link WorkerActions}. Holds no state of its own beyond the shared
 * {@link WorkerContext}.
 */
final class WorkerProducer extends NoOpFlightProducer {
  private final WorkerContext ctx;
  private final Digests digests;

  WorkerProducer(WorkerContext ctx) {
    this.ctx = ctx;
    this.digests = new Digests(ctx);
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    Fragment f;
    try {
      f = ctx.codec().fromTicket(ticket.getBytes());
    } catch (IllegalArgumentException e) {
      listener.error(ctx.errors().badTicket(e.getMessage()));
      return;
    }
    new FragmentRun(f, ctx, listener).run();
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    try {
      switch (action.getType()) {
        case WorkerActions.HEALTH -> send(listener, health());
        case WorkerActions.CANCEL -> {
          var req = read(action, WorkerActions.CancelRequest.class);
          send(listener, new WorkerActions.CancelResult(ctx.running().cancel(req.queryId())));
        }
        case WorkerActions.DIGEST -> {
          for (ChunkDigest d : digests.compute(read(action, DigestRequest.class))) {
            listener.onNext(new Result(ctx.codec().write(d)));
          }
        }
        case WorkerActions.INVENTORY -> send(listener, inventory());
        default -> throw ctx.errors().badAction(action.getType(), "unknown action (known: "
            + String.join(", ", WorkerActions.HEALTH, WorkerActions.CANCEL,
            WorkerActions.DIGEST, WorkerActions.INVENTORY) + ")");
      }
      listener.onCompleted();
    } catch (FlightRuntimeException e) {
      listener.onError(e);
    } catch (RuntimeException e) {
      listener.onError(ctx.errors().internal("action " + action.getType() + " failed", e));
    }
  }

  @Override
  public void listActions(CallContext context, StreamListener<ActionType> listener) {
    listener.onNext(new ActionType(WorkerActions.HEALTH, "the worker's health, as JSON"));
    listener.onNext(new ActionType(WorkerActions.CANCEL, "cancel a query's fragments"));
    listener.onNext(new ActionType(WorkerActions.DIGEST, "row counts and digests of chunks"));
    listener.onNext(new ActionType(WorkerActions.INVENTORY, "the tables and chunks served"));
    listener.onCompleted();
  }

  WorkerInventory inventory() {
    StoreFiles files;
    try {
      files = ctx.store().current().orElseThrow(ctx.errors()::noStore);
    } catch (java.io.IOException e) {
      throw ctx.errors().internal("cannot read the store manifest", e);
    }
    return WorkerInventory.of(ctx.errors().worker(), files);
  }

  WorkerHealth health() {
    String version;
    try {
      version = ctx.store().current().map(StoreFiles::versionId).orElse(null);
    } catch (java.io.IOException e) {
      version = null;
    }
    var os = ManagementFactory.getOperatingSystemMXBean();
    double load = os.getSystemLoadAverage();
    return new WorkerHealth(ctx.errors().worker(), true, version, ctx.stats().running(),
        ctx.stats().fragments(), ctx.stats().chunks(),
        load < 0 ? -1 : load / os.getAvailableProcessors(), ctx.allocator().getAllocatedMemory());
  }

  private <T> T read(Action action, Class<T> type) {
    try {
      return ctx.codec().read(action.getBody(), type);
    } catch (IllegalArgumentException e) {
      throw ctx.errors().badAction(action.getType(), e.getMessage());
    }
  }

  private void send(StreamListener<Result> listener, Object value) {
    listener.onNext(new Result(ctx.codec().write(value)));
  }
}
