package io.detoxstreams.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A GET request as the routes see it: the path and the decoded query parameters (last value wins). */
public record Request(String path, Map<String, String> query) {

    public static Request of(String path, String rawQuery) {
        Map<String, String> q = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String k = decode(eq < 0 ? pair : pair.substring(0, eq));
                q.put(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return new Request(path, q);
    }

    public String param(String name) {
        String v = query.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
