package io.detoxstreams.rewrite.onnxseq2seq;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.Seq2SeqSettings;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The onnx-seq2seq backend end to end: prompt, tokenizer.json, generation, decoding, span edits. */
class OnnxSeq2SeqRewriterTest {

    static final TinySeq2Seq NET = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11);

    @TempDir
    Path dir;

    private static RewriteRequest request(String text, String lang) {
        int start = text.indexOf("w2");
        List<ToxicSpan> spans = start < 0 ? List.of() : List.of(new ToxicSpan(start, start + 2, "insult", 0.9, "test"));
        return new RewriteRequest(text, lang, new ToxicityResult(0.9, true, 0.5, Map.of(), spans, "test/1"));
    }

    private static String words(long[] ids) {
        return Arrays.stream(ids).mapToObj(i -> NET.words().get((int) i - TinySeq2Seq.SPECIALS.size()))
                .collect(Collectors.joining(" "));
    }

    @Test
    void shouldRewriteTheBatchWithPerLanguagePromptsAndDecodeWithoutSpecialTokens() throws Exception {
        Path model = NET.write(dir.resolve("m"), true, false);
        Seq2SeqSettings settings = new Seq2SeqSettings(io.detoxstreams.config.ModelDevice.CPU, 1, 12, 0, 1.0, true,
                "", Map.of("de", "w0 {text} w1"));
        try (OnnxSeq2SeqRewriter r = OnnxSeq2SeqRewriter.load(model, settings)) {
            List<RewriteRequest> batch = List.of(request("w4 w2 w9", "en"), request("w2 w2 w7 w11 w3", "de"),
                    request("w5", "en"));
            List<Rewrite> out = r.rewriteBatch(batch);
            assertThat(out.get(0).text()).isEqualTo(words(NET.referenceGreedy(NET.ids("w4 w2 w9"), 12)));
            assertThat(out.get(1).text()).isEqualTo(words(NET.referenceGreedy(NET.ids("w0 w2 w2 w7 w11 w3 w1"), 12)));
            assertThat(out.get(2).text()).isEqualTo(words(NET.referenceGreedy(NET.ids("w5"), 12)));
            assertThat(out).allSatisfy(w -> {
                assertThat(w.method()).isEqualTo("seq2seq-greedy");
                assertThat(w.proposed()).isTrue();
                assertThat(w.text()).doesNotContain("</s>", "<pad>");
            });
            assertThat(out.get(0).edits()).singleElement().satisfies(e -> {
                assertThat(e.start()).isEqualTo(3);
                assertThat(e.end()).isEqualTo(5);
            });
            assertThat(r.padded()).isTrue();
            assertThat(r.tokenCount(batch.get(1))).isEqualTo(NET.ids("w0 w2 w2 w7 w11 w3 w1").length);
            assertThat(r.name()).isEqualTo("onnx-seq2seq/m");
            assertThat(r.layout()).isEqualTo("with_past");
        }
    }

    @Test
    void shouldNameTheMissingDecoderWhenTheExportIsIncomplete() throws Exception {
        Path model = NET.write(dir.resolve("broken"), true, false);
        Files.delete(model.resolve("decoder_model.onnx"));
        Files.delete(model.resolve("decoder_with_past_model.onnx"));
        assertThatThrownBy(() -> OnnxSeq2SeqRewriter.load(model, Seq2SeqSettings.defaults()))
                .hasMessageContaining("decoder_model_merged.onnx").hasMessageContaining(model.toString());
        Files.delete(model.resolve("encoder_model.onnx"));
        assertThatThrownBy(() -> OnnxSeq2SeqRewriter.load(model, Seq2SeqSettings.defaults()))
                .hasMessageContaining(model.resolve("encoder_model.onnx").toString());
    }
}
