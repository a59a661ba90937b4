package io.detoxstreams.rewrite.onnxseq2seq;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.detoxstreams.classify.onnx.OnnxModel;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoder's state while generating for a fixed set of rows: each {@link #step} appends one token per row and
 * returns the next-token logits of every row. With a cache, the first step runs {@code decoder_model.onnx} (or the
 * merged decoder with {@code use_cache_branch=false}), which also returns the cross-attention keys and values, and
 * each later step feeds only the new token and the previous {@code present.*} as {@code past_key_values.*} to
 * {@code decoder_with_past_model.onnx} (or the merged decoder with {@code use_cache_branch=true}); a cache tensor the
 * with-past decoder does not return (the encoder's keys and values) is kept from the step that did. Without a cache
 * every step re-runs the decoder on the whole prefix.
 *
 * <p>Cache tensors are passed from one run's result to the next without copying; {@link #reorder} (beam search)
 * copies the self-attention cache rows into new tensors. Not thread-safe; close it to free the native memory.
 */
final class DecoderRun implements AutoCloseable {

    private final Seq2SeqModel model;
    private final boolean cached;
    private final int rows;
    private final OnnxTensor hidden;
    private final OnnxTensor encoderMask;
    private final List<long[]> sequences = new ArrayList<>();
    /** The current cache, by input name; each tensor belongs to {@link #origin}'s result, or to this run. */
    private final Map<String, OnnxTensor> past = new HashMap<>();
    private final Map<OnnxTensor, OrtSession.Result> origin = new IdentityHashMap<>();
    private final List<OrtSession.Result> live = new ArrayList<>();

    DecoderRun(Seq2SeqModel model, Seq2SeqModel.EncoderStates states) {
        this.model = model;
        this.cached = model.layout() != Seq2SeqModel.Layout.NO_CACHE;
        this.rows = (int) states.hiddenShape()[0];
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try {
            this.hidden = OnnxTensor.createTensor(env, states.hidden().rewind(), states.hiddenShape());
            this.encoderMask = OnnxTensor.createTensor(env, LongBuffer.wrap(states.mask()), states.maskShape());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot create decoder inputs: " + e.getMessage(), e);
        }
        for (int r = 0; r < rows; r++) {
            sequences.add(new long[0]);
        }
    }

    int rows() {
        return rows;
    }

    /** Appends {@code next[r]} to row r and returns the logits [rows][vocab] for the token after it. */
    float[][] step(long[] next) {
        for (int r = 0; r < rows; r++) {
            long[] s = sequences.get(r);
            long[] t = java.util.Arrays.copyOf(s, s.length + 1);
            t[s.length] = next[r];
            sequences.set(r, t);
        }
        boolean first = past.isEmpty();
        OnnxModel session = !cached || first ? model.decoder() : model.decoderWithPast();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> owned = new HashMap<>();
        try {
            Map<String, OnnxTensor> feed = new HashMap<>();
            int length = cached ? 1 : sequences.get(0).length;
            long[] ids = new long[rows * length];
            for (int r = 0; r < rows; r++) {
                long[] s = sequences.get(r);
                System.arraycopy(s, s.length - length, ids, r * length, length);
            }
            owned.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {rows, length}));
            feed.put("input_ids", owned.get("input_ids"));
            if (session.hasInput("encoder_hidden_states")) {
                feed.put("encoder_hidden_states", hidden);
            }
            if (session.hasInput("encoder_attention_mask")) {
                feed.put("encoder_attention_mask", encoderMask);
            }
            boolean useCache = cached && !first;
            if (session.hasInput("use_cache_branch")) {
                owned.put("use_cache_branch", OnnxTensor.createTensor(env, new boolean[] {useCache}));
                feed.put("use_cache_branch", owned.get("use_cache_branch"));
            }
            for (String name : model.pastNames) {
                if (!session.hasInput(name)) {
                    continue;
                }
                if (useCache) {
                    feed.put(name, past.get(name));
                } else {
                    long[] hd = model.pastShapes.get(name);
                    long[] shape = {rows, hd[0], 1, hd[1]};
                    owned.put(name, OnnxTensor.createTensor(env, FloatBuffer.allocate((int) (rows * hd[0] * hd[1])),
                            shape));
                    feed.put(name, owned.get(name));
                }
            }
            OrtSession.Result result = session.session().run(feed);
            float[][] logits;
            try {
                logits = lastLogits(result);
            } catch (RuntimeException e) {
                result.close();
                throw e;
            }
            if (cached) {
                keepPresents(result);
            } else {
                result.close();
            }
            return logits;
        } catch (OrtException e) {
            throw new IllegalStateException("decoder failed: " + e.getMessage(), e);
        } finally {
            owned.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Row r takes the state of row {@code from[r]} (beam search keeps the best continuations). Rows move only among
     * the beams of one input, which share the encoder's keys and values; those are not copied.
     */
    void reorder(int[] from) {
        boolean identity = true;
        for (int r = 0; r < rows && identity; r++) {
            identity = from[r] == r;
        }
        if (identity) {
            return;
        }
        List<long[]> copy = new ArrayList<>(sequences);
        for (int r = 0; r < rows; r++) {
            sequences.set(r, copy.get(from[r]));
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (String name : List.copyOf(past.keySet())) {
            if (name.contains(".encoder.")) {
                continue;
            }
            OnnxTensor old = past.get(name);
            long[] shape = old.getInfo().getShape();
            int rowSize = (int) (shape[1] * shape[2] * shape[3]);
            FloatBuffer src = old.getFloatBuffer();
            float[] dst = new float[rows * rowSize];
            float[] row = new float[rowSize];
            for (int r = 0; r < rows; r++) {
                src.get(from[r] * rowSize, row);
                System.arraycopy(row, 0, dst, r * rowSize, rowSize);
            }
            try {
                replace(name, OnnxTensor.createTensor(env, FloatBuffer.wrap(dst), shape), null);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot reorder the decoder cache: " + e.getMessage(), e);
            }
        }
        release();
    }

    /** The tokens fed so far to row r (decoder start token first). */
    long[] sequence(int r) {
        return sequences.get(r);
    }

    private float[][] lastLogits(OrtSession.Result result) {
        OnnxTensor logits = (OnnxTensor) result.get("logits").orElseGet(() -> result.get(0));
        long[] shape = logits.getInfo().getShape();
        int t = (int) shape[1];
        int vocab = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[][] out = new float[rows][vocab];
        for (int r = 0; r < rows; r++) {
            all.get((r * t + t - 1) * vocab, out[r]);
        }
        return out;
    }

    /** Takes each present.* of {@code result} as the next past_key_values.*, keeping the ones it does not return. */
    private void keepPresents(OrtSession.Result result) {
        live.add(result);
        for (String name : model.pastNames) {
            String present = Seq2SeqModel.PRESENT + name.substring(Seq2SeqModel.PAST.length());
            java.util.Optional<OnnxValue> v = result.get(present);
            if (v.isPresent()) {
                replace(name, (OnnxTensor) v.get(), result);
            } else if (!past.containsKey(name)) {
                throw new IllegalStateException("the decoder returns no " + present + " for " + name);
            }
        }
        release();
    }

    private void replace(String name, OnnxTensor tensor, OrtSession.Result from) {
        OnnxTensor old = past.put(name, tensor);
        if (old != null && origin.remove(old) == null) {
            old.close();
        }
        if (from != null) {
            origin.put(tensor, from);
        }
    }

    /** Closes the results none of whose tensors is still in the cache. */
    private void release() {
        live.removeIf(r -> {
            if (origin.containsValue(r)) {
                return false;
            }
            r.close();
            return true;
        });
    }

    @Override
    public void close() {
        for (OnnxTensor t : past.values()) {
            if (!origin.containsKey(t)) {
                t.close();
            }
        }
        past.clear();
        origin.clear();
        live.forEach(OrtSession.Result::close);
        live.clear();
        hidden.close();
        encoderMask.close();
    }
}
