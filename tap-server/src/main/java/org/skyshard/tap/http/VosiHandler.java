package org.skyshard.tap.http;

import io.vertx.ext.web.RoutingContext;
import org.skyshard.tap.Messages;
import org.skyshard.tap.TapConfig;
import org.skyshard.tap.vosi.AvailabilityDocument;
import org.skyshard.tap.vosi.CapabilitiesDocument;
import org.skyshard.tap.vosi.ExamplesDocument;
import org.skyshard.tap.vosi.TablesDocument;

/** The VOSI 1.1 resources and DALI examples: capabilities, availability, tables, examples. */
public final class VosiHandler {
  private final TapConfig config;
  private final CapabilitiesDocument capabilities;
  private final TablesDocument tables;
  private final String examples;

  public VosiHandler(TapConfig config, CapabilitiesDocument capabilities, TablesDocument tables,
      ExamplesDocument examples) {
    this.config = config;
    this.capabilities = capabilities;
    this.tables = tables;
    this.examples = examples.render();
  }

  public void capabilities(RoutingContext ctx) {
    xml(ctx, capabilities.render(BaseUrl.of(ctx, config)));
  }

  public void availability(RoutingContext ctx) {
    xml(ctx, AvailabilityDocument.render(true, "the service is accepting queries"));
  }

  public void tableset(RoutingContext ctx) {
    String detail = TapParameters.of(ctx).get("detail");
    if (detail != null && !detail.equalsIgnoreCase("min") && !detail.equalsIgnoreCase("max")) {
      throw Messages.badDetail(detail);
    }
    xml(ctx, tables.tableset(detail == null || detail.equalsIgnoreCase("max")));
  }

  public void table(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    xml(ctx, tables.table(name).orElseThrow(() -> Messages.noTable(name)));
  }

  public void examples(RoutingContext ctx) {
    ctx.response().putHeader("Content-Type", "application/xhtml+xml; charset=UTF-8").end(examples);
  }

  private static void xml(RoutingContext ctx, String body) {
    ctx.response().putHeader("Content-Type", "text/xml; charset=UTF-8").end(body);
  }
}
