package io.detoxstreams.classify.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.detoxstreams.config.ModelDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One ONNX Runtime session on the device asked for. A CUDA device uses the CUDA execution provider; when it cannot
 * load (the default build ships the CPU runtime only, or CUDA/cuDNN libraries are missing) the session runs on the
 * CPU and a warning says why ({@link #fallbackReason()}). Shared by the {@code onnx} classifier and the
 * {@code onnx-seq2seq} rewriter, the only two packages that use ONNX Runtime.
 *
 * <pre>{@code
 * try (OnnxModel m = OnnxModel.open(dir.resolve("model.onnx"), ModelDevice.parse("cuda:0", "model.device"))) {
 *     m.session().run(inputs);
 * }
 * }</pre>
 */
public final class OnnxModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxModel.class);

    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final ModelDevice device;
    private final String fallbackReason;

    private OnnxModel(OrtSession session, OrtSession.SessionOptions options, ModelDevice device, String fallbackReason) {
        this.session = session;
        this.options = options;
        this.device = device;
        this.fallbackReason = fallbackReason;
    }

    /** @throws IllegalArgumentException naming the file when it is missing or not a model ONNX Runtime can load */
    public static OnnxModel open(Path file, ModelDevice wanted) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is missing or not readable");
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String fallback = null;
        if (wanted.cuda()) {
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            try {
                o.addCUDA(wanted.index());
                return new OnnxModel(env.createSession(file.toString(), o), o, wanted, null);
            } catch (OrtException | LinkageError | RuntimeException e) {
                o.close();
                fallback = e.getClass().getSimpleName() + ": " + e.getMessage();
                LOG.warn("{} was asked to run on {}, but the CUDA execution provider cannot be used ({}); running it "
                        + "on the CPU. GPU inference needs the -Pgpu build (onnxruntime_gpu) and CUDA 12 with cuDNN 9 "
                        + "on the library path.", file, wanted, fallback);
            }
        }
        OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        try {
            o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OnnxModel(env.createSession(file.toString(), o), o, ModelDevice.CPU, fallback);
        } catch (OrtException e) {
            o.close();
            throw new IllegalArgumentException(file + " cannot be loaded by ONNX Runtime: " + e.getMessage(), e);
        }
    }

    public OrtSession session() {
        return session;
    }

    /** Where the session runs: the device asked for, or {@link ModelDevice#CPU} after a fallback. */
    public ModelDevice device() {
        return device;
    }

    /** Why CUDA was not used although asked for; null when there was no fallback. */
    public String fallbackReason() {
        return fallbackReason;
    }

    /** Whether the model declares an input of this name. */
    public boolean hasInput(String name) {
        return session.getInputNames().contains(name);
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            LOG.debug("closing an ONNX session: {}", e.toString());
        } finally {
            options.close();
        }
    }
}
