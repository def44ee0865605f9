package org.skyshard.query.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Plans as JSON, and back: what a czar logs, caches or hands to another process. */
public final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PlanJson() {}

  /** The plan as JSON. */
  public static String write(QueryPlan plan) {
    try {
      return JSON.writeValueAsString(plan);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write plan", e);
    }
  }

  /** A plan written by {@link #write}. */
  public static QueryPlan read(String json) {
    try {
      return JSON.readValue(json, QueryPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a query plan: " + e.getOriginalMessage(), e);
    }
  }
}
