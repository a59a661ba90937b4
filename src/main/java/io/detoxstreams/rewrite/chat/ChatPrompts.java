package io.detoxstreams.rewrite.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-language few-shot prompt templates for the chat backend, kept as editable JSON: {@code <lang>.json}, else
 * {@code default.json}, from {@code chat.<name>.prompts.dir} when set, else shipped in the jar
 * ({@code src/main/resources/chat/prompts/}). A template has a {@code system} message, {@code examples}
 * ({@code comment}, {@code rewrite}, {@code explanation}: each becomes a user and an assistant turn, the answer as the
 * JSON object asked for) and a {@code user} message; {@code {text}} is the comment, {@code {language}} the
 * language's English name.
 */
final class ChatPrompts {

    static final String RESOURCE_DIR = "/chat/prompts/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("am", "Amharic"),
            Map.entry("ar", "Arabic"), Map.entry("da", "Danish"), Map.entry("de", "German"), Map.entry("el", "Greek"),
            Map.entry("en", "English"), Map.entry("es", "Spanish"), Map.entry("fr", "French"), Map.entry("hi", "Hindi"),
            Map.entry("it", "Italian"), Map.entry("ja", "Japanese"), Map.entry("ko", "Korean"),
            Map.entry("nl", "Dutch"), Map.entry("pl", "Polish"), Map.entry("pt", "Portuguese"),
            Map.entry("ru", "Russian"), Map.entry("tr", "Turkish"), Map.entry("uk", "Ukrainian"),
            Map.entry("zh", "Chinese"));

    private final Path dir;
    private final Map<String, JsonNode> templates = new ConcurrentHashMap<>();

    /** @param dir directory of templates replacing the shipped ones; null for the shipped ones */
    ChatPrompts(Path dir) {
        if (dir != null && !Files.isRegularFile(dir.resolve("default.json"))) {
            throw new IllegalArgumentException("prompt directory " + dir + " has no default.json");
        }
        this.dir = dir;
        template("default");
    }

    /** The chat messages for one comment. */
    ArrayNode messages(String text, String lang) {
        JsonNode t = template(lang);
        String language = NAMES.getOrDefault(lang, lang);
        ArrayNode messages = JSON.createArrayNode();
        messages.addObject().put("role", "system").put("content", fill(t.path("system").asText(), "", language));
        for (JsonNode ex : t.path("examples")) {
            messages.addObject().put("role", "user")
                    .put("content", fill(t.path("user").asText(), ex.path("comment").asText(), language));
            ObjectNode answer = JSON.createObjectNode().put("rewrite", ex.path("rewrite").asText())
                    .put("explanation", ex.path("explanation").asText());
            messages.addObject().put("role", "assistant").put("content", answer.toString());
        }
        messages.addObject().put("role", "user").put("content", fill(t.path("user").asText(), text, language));
        return messages;
    }

    private JsonNode template(String lang) {
        return templates.computeIfAbsent(lang, l -> {
            JsonNode t = read(l + ".json");
            return t != null ? t : l.equals("default") ? missingDefault() : template("default");
        });
    }

    private JsonNode missingDefault() {
        throw new IllegalStateException("no default.json prompt template in " + (dir != null ? dir : RESOURCE_DIR));
    }

    private JsonNode read(String file) {
        try {
            if (dir != null) {
                Path p = dir.resolve(file);
                return Files.isRegularFile(p) ? check(JSON.readTree(p.toFile()), p.toString()) : null;
            }
            try (InputStream in = ChatPrompts.class.getResourceAsStream(RESOURCE_DIR + file)) {
                return in == null ? null : check(JSON.readTree(in), RESOURCE_DIR + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt template " + file + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode check(JsonNode t, String where) {
        if (!t.path("system").isTextual() || !t.path("user").asText().contains("{text}")) {
            throw new IllegalArgumentException("prompt template " + where + " needs a 'system' text and a 'user' "
                    + "text containing {text}");
        }
        return t;
    }

    private static String fill(String template, String text, String language) {
        return template.replace("{language}", language).replace("{text}", text);
    }
}
