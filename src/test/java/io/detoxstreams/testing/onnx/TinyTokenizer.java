package io.detoxstreams.testing.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a hand-made Hugging Face {@code tokenizer.json}: a lower-casing word-level vocabulary split on whitespace and
 * punctuation, special tokens first, and a post-processor that wraps each text the way the real model family does
 * ({@code [CLS] text [SEP]} for BERT-style classifiers, {@code text </s>} for T5-style seq2seq models).
 */
public final class TinyTokenizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TinyTokenizer() {
    }

    /**
     * @param specials special tokens (ids 0..), the first is padding
     * @param words    ordinary words (ids after the specials)
     * @param before   special tokens put before the text (e.g. [CLS]); may be empty
     * @param after    special tokens put after it (e.g. [SEP] or </s>)
     * @param unk      the unknown token (one of the specials)
     */
    public static void write(Path file, List<String> specials, List<String> words, List<String> before,
                             List<String> after, String unk) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        for (int i = 0; i < specials.size(); i++) {
            added.addObject().put("id", i).put("content", specials.get(i)).put("single_word", false)
                    .put("lstrip", false).put("rstrip", false).put("normalized", false).put("special", true);
        }
        root.putObject("normalizer").put("type", "Lowercase");
        root.putObject("pre_tokenizer").put("type", "Whitespace");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        ArrayNode pair = post.putArray("pair");
        for (String s : before) {
            single.addObject().putObject("SpecialToken").put("id", s).put("type_id", 0);
            pair.addObject().putObject("SpecialToken").put("id", s).put("type_id", 0);
        }
        single.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "A").put("type_id", 0);
        pair.addObject().putObject("Sequence").put("id", "B").put("type_id", 1);
        for (String s : after) {
            single.addObject().putObject("SpecialToken").put("id", s).put("type_id", 0);
            pair.addObject().putObject("SpecialToken").put("id", s).put("type_id", 1);
        }
        ObjectNode st = post.putObject("special_tokens");
        for (String s : concat(before, after)) {
            ObjectNode e = st.putObject(s);
            e.put("id", s);
            e.putArray("ids").add(specials.indexOf(s));
            e.putArray("tokens").add(s);
        }
        root.putNull("decoder");
        ObjectNode model = root.putObject("model");
        model.put("type", "WordLevel");
        ObjectNode vocab = model.putObject("vocab");
        for (int i = 0; i < specials.size(); i++) {
            vocab.put(specials.get(i), i);
        }
        for (int i = 0; i < words.size(); i++) {
            vocab.put(words.get(i), specials.size() + i);
        }
        model.put("unk_token", unk);
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
