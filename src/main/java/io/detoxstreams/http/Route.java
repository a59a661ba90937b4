package io.detoxstreams.http;

/** Answers the GET requests under one path prefix. Runs on the server's worker threads; must be thread-safe. */
@FunctionalInterface
public interface Route {

    Response handle(Request request) throws Exception;
}
