package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;

import java.util.Locale;

/**
 * Where an ONNX model runs: {@code cpu}, or {@code cuda:N} (the CUDA execution provider on GPU N; {@code cuda} is
 * {@code cuda:0}). A CUDA device needs the {@code -Pgpu} build and CUDA libraries; without them the model runs on the
 * CPU with a warning.
 */
public record ModelDevice(boolean cuda, int index) {

    public static final ModelDevice CPU = new ModelDevice(false, 0);

    public static ModelDevice parse(String value, String key) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("cpu")) {
            return CPU;
        }
        if (v.equals("cuda")) {
            return new ModelDevice(true, 0);
        }
        if (v.startsWith("cuda:")) {
            try {
                int n = Integer.parseInt(v.substring(5));
                if (n >= 0) {
                    return new ModelDevice(true, n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new ConfigException(key, value, "expected cpu or cuda:N");
    }

    @Override
    public String toString() {
        return cuda ? "cuda:" + index : "cpu";
    }
}
