package org.skyshard.worker;

import org.apache.arrow.flight.Action;
import org.apache.arrow.flight.ActionType;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.NoOpFlightProducer;
import org.apache.arrow.flight.Result;
import org.apache.arrow.flight.Ticket;

/**
 * Forwards to the {@link WorkerProducer} once the server knows its port (the producer's errors
 * name the worker by it); refuses calls arriving before that.
 */
final class LateBoundProducer extends NoOpFlightProducer {
  private volatile WorkerProducer target;

  void bind(WorkerProducer p) {
    target = p;
  }

  private WorkerProducer target() {
    WorkerProducer p = target;
    if (p == null) {
      throw CallStatus.UNAVAILABLE.withDescription("worker starting").toRuntimeException();
    }
    return p;
  }

  @Override
  public void getStream(CallContext context, Ticket ticket, ServerStreamListener listener) {
    try {
      target().getStream(context, ticket, listener);
    } catch (RuntimeException e) {
      listener.error(e);
    }
  }

  @Override
  public void doAction(CallContext context, Action action, StreamListener<Result> listener) {
    try {
      target().doAction(context, action, listener);
    } catch (RuntimeException e) {
      listener.onError(e);
    }
  }

  @Override
  public void listActions(CallContext context, StreamListener<ActionType> listener) {
    target().listActions(context, listener);
  }
}
