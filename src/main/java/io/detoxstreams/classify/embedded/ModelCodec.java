package io.detoxstreams.classify.embedded;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.text.MaskDictionary;
import io.detoxstreams.text.WordSegmenter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Reads and writes {@link LinearModel} files: gzip of a small header (magic {@code DXTM}, format version, JSON info),
 * the heads with weights quantized to 16 bits (per-head scale), per-language biases, calibration and thresholds,
 * the mask dictionary, the lexicon terms and the word-segmentation vocabulary.
 */
public final class ModelCodec {

    private static final int MAGIC = 0x4458544D; // "DXTM"
    private static final int FORMAT = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Writes maps with their keys sorted: the training code builds some with {@code Map.of}, whose order differs from
     * one JVM to the next, and the same training must write the same bytes.
     */
    private static final com.fasterxml.jackson.databind.ObjectWriter SORTED_JSON =
            JSON.writer().with(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelCodec() {
    }

    public static void write(LinearModel m, OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("version", m.info.version());
        info.put("max_char_n", m.info.maxCharN());
        info.put("default_threshold", m.info.defaultThreshold());
        info.put("span_threshold", m.info.spanThreshold());
        info.put("metadata", m.info.metadata());
        writeBytes(out, SORTED_JSON.writeValueAsBytes(info));
        out.writeInt(m.heads.length);
        for (int h = 0; h < m.heads.length; h++) {
            out.writeUTF(m.heads[h]);
            int bits = Integer.numberOfTrailingZeros(m.weights[h].length);
            out.writeInt(bits);
            out.writeFloat(m.bias[h]);
            out.writeFloat(m.scales[h]);
            ByteBuffer buf = ByteBuffer.allocate(m.weights[h].length * 2).order(ByteOrder.LITTLE_ENDIAN);
            buf.asShortBuffer().put(m.weights[h]);
            out.write(buf.array());
        }
        out.writeInt(m.languages.size());
        for (int l = 0; l < m.languages.size(); l++) {
            out.writeUTF(m.languages.get(l));
            for (int h = 0; h < m.heads.length; h++) {
                out.writeFloat(m.languageBias[l][h]);
            }
            out.writeFloat(m.calibrationA[l]);
            out.writeFloat(m.calibrationB[l]);
            out.writeFloat(m.thresholds[l]);
        }
        List<String> words = m.maskDictionary.words();
        out.writeInt(words.size());
        for (String w : words) {
            out.writeUTF(w);
        }
        out.writeInt(m.lexicon.terms().size());
        for (var e : m.lexicon.terms().entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (String t : e.getValue()) {
                out.writeUTF(t);
            }
        }
        var vocabulary = new java.util.TreeMap<>(m.segmenter.counts());
        out.writeInt(vocabulary.size());
        for (var e : vocabulary.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue());
        }
        out.flush();
        gz.finish();
    }

    public static LinearModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Detox Streams model file (bad magic)");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported model format " + format + " (this build reads " + FORMAT + ")");
        }
        Map<String, Object> info = JSON.readValue(readBytes(in), new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) info.getOrDefault("metadata", Map.of());
        var modelInfo = new LinearModel.ModelInfo((String) info.get("version"),
                ((Number) info.get("max_char_n")).intValue(), ((Number) info.get("default_threshold")).doubleValue(),
                ((Number) info.get("span_threshold")).doubleValue(), metadata);
        int heads = in.readInt();
        String[] names = new String[heads];
        int[] bits = new int[heads];
        float[] bias = new float[heads];
        float[] scales = new float[heads];
        short[][] weights = new short[heads][];
        for (int h = 0; h < heads; h++) {
            names[h] = in.readUTF();
            bits[h] = in.readInt();
            bias[h] = in.readFloat();
            scales[h] = in.readFloat();
            byte[] raw16 = new byte[(1 << bits[h]) * 2];
            in.readFully(raw16);
            short[] w = new short[1 << bits[h]];
            ByteBuffer.wrap(raw16).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
            weights[h] = w;
        }
        int langs = in.readInt();
        List<String> languages = new ArrayList<>();
        float[][] langBias = new float[langs][heads];
        float[] a = new float[langs];
        float[] b = new float[langs];
        float[] t = new float[langs];
        for (int l = 0; l < langs; l++) {
            languages.add(in.readUTF());
            for (int h = 0; h < heads; h++) {
                langBias[l][h] = in.readFloat();
            }
            a[l] = in.readFloat();
            b[l] = in.readFloat();
            t[l] = in.readFloat();
        }
        int words = in.readInt();
        List<String> maskWords = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            maskWords.add(in.readUTF());
        }
        int lexiconLanguages = in.readInt();
        Map<String, List<String>> lexicon = new java.util.TreeMap<>();
        for (int l = 0; l < lexiconLanguages; l++) {
            String lang = in.readUTF();
            int n = in.readInt();
            List<String> terms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                terms.add(in.readUTF());
            }
            lexicon.put(lang, terms);
        }
        int vocabularySize = in.readInt();
        Map<String, Integer> vocabulary = new java.util.HashMap<>(vocabularySize * 2);
        for (int i = 0; i < vocabularySize; i++) {
            vocabulary.put(in.readUTF(), in.readInt());
        }
        return new LinearModel(modelInfo, names, bits, weights, scales, bias, languages, langBias, a, b, t,
                new MaskDictionary(maskWords), new WordSegmenter(vocabulary), new LexiconMatcher(lexicon));
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 64 << 20) {
            throw new IOException("corrupt model header");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
