package io.detoxstreams.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 with {@code {"status":"UP","state":"RUNNING"}} only while the process is fully working
 * (Kafka Streams RUNNING; a rewriter's loop running), else 503 with the state, e.g. REBALANCING — usable as readiness
 * and liveness probe. Open even when a bearer token is configured.
 */
public final class HealthRoute implements Route {

    /** The process state and whether it counts as healthy. */
    public record Status(boolean up, String state) {
    }

    private final Supplier<Status> status;

    public HealthRoute(Supplier<Status> status) {
        this.status = status;
    }

    @Override
    public Response handle(Request request) {
        Status s = status.get();
        ObjectNode body = Response.JSON.createObjectNode();
        body.put("status", s.up() ? "UP" : "DOWN");
        body.put("state", s.state());
        return Response.json(s.up() ? 200 : 503, body);
    }
}
