package io.detoxstreams.rewrite.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Locale;

/**
 * Reads an OpenAI-style chat completion and checks the rewrite it carries, strictly: the message content must hold
 * one JSON object (a code fence around it is tolerated) with a non-empty {@code rewrite} string that differs from the
 * comment (case and spacing aside) and is not absurdly long; {@code explanation} is optional. Anything else is a
 * {@link Bad} answer, and the chain moves on to the next backend.
 */
final class ChatAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_EXPLANATION = 500;

    /** A usable answer. */
    record Good(String rewrite, String explanation) {
    }

    /** Why an answer cannot be used. */
    static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    private ChatAnswer() {
    }

    static Good parse(String body, String original) throws Bad {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Bad("response is not JSON");
        }
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        if (!content.isTextual()) {
            throw new Bad("response has no choices[0].message.content");
        }
        String c = content.asText().trim();
        int open = c.indexOf('{');
        int close = c.lastIndexOf('}');
        if (open < 0 || close < open) {
            throw new Bad("answer holds no JSON object");
        }
        JsonNode answer;
        try {
            answer = JSON.readTree(c.substring(open, close + 1));
        } catch (JsonProcessingException e) {
            throw new Bad("answer is malformed JSON");
        }
        JsonNode rewrite = answer.path("rewrite");
        if (!rewrite.isTextual() || rewrite.asText().isBlank()) {
            throw new Bad("answer has no rewrite");
        }
        String text = rewrite.asText().strip();
        if (squash(text).equals(squash(original))) {
            throw new Bad("rewrite is the unchanged comment");
        }
        if (text.length() > 4 * original.length() + 200) {
            throw new Bad("rewrite is far longer than the comment");
        }
        String explanation = answer.path("explanation").isTextual() ? answer.path("explanation").asText().strip() : "";
        if (explanation.length() > MAX_EXPLANATION) {
            explanation = explanation.substring(0, MAX_EXPLANATION - 1) + "…";
        }
        return new Good(text, explanation.isEmpty() ? null : explanation);
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
