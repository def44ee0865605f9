package org.skyshard.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.skyshard.serving.CatalogEngine;
import org.skyshard.tap.Extension;
import org.skyshard.worker.ClusterKey;

/**
 * The czar's side of worker registration, at {@code POST <base>/ext/cluster/register}: a worker
 * started with {@code --czar URL --cluster-key FILE} sends {@code {"address": "host:port",
 * "key": "..."}}; with the right key the czar adds it (once; later calls are heartbeats of a
 * kind) after reaching it over Flight. Answers 200, or 400 (bad request), 403 (wrong key), 502
 * (the worker does not answer at that address), each with a JSON {@code error}.
 */
final class ClusterEndpoint implements Extension {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");

  private final CatalogEngine engine;
  private final String key;

  ClusterEndpoint(CatalogEngine engine, String key) {
    this.engine = engine;
    this.key = key;
  }

  @Override
  public Reply answer(String call, byte[] body) {
    if (!call.equals("register")) {
      return error(404, "no call " + call + " (register)");
    }
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return error(400, "the body is not JSON: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      return error(400, "the body cannot be read: " + e.getMessage());
    }
    String address = request == null ? null : request.path("address").asText(null);
    if (address == null || !ADDRESS.matcher(address).matches()) {
      return error(400, "expected {\"address\": \"host:port\", \"key\": \"...\"}");
    }
    if (!ClusterKey.matches(key, request.path("key").asText(null))) {
      return error(403, "wrong cluster key");
    }
    if (!engine.registerWorker(address)) {
      return error(502, "the czar cannot reach a worker at " + address);
    }
    ObjectNode ok = JSON.createObjectNode().put("registered", address);
    return new Reply(200, ok.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Reply error(int status, String message) {
    ObjectNode e = JSON.createObjectNode().put("error", message);
    return new Reply(status, e.toString().getBytes(StandardCharsets.UTF_8));
  }
}
