package io.detoxstreams.metrics;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Compact binary serde of {@link LanguageStats} for the metrics stores, their changelogs and the repartition topics
 * (internal topics only; {@code moderation.metrics} carries the LanguageMetrics Avro record). Layout: a format byte,
 * then varint counters, maps as count + (UTF-8 key, varint), and histograms sparse — only non-zero buckets as
 * (index, count) — since a single event has one non-zero bucket per histogram. A one-event delta is ~40 bytes.
 *
 * <p>The bucket layout is that of {@link Buckets}; the format byte changes whenever it does, so old state is
 * rejected loudly instead of being merged into the wrong buckets.
 */
public final class LanguageStatsSerde implements Serde<LanguageStats>, Serializer<LanguageStats>,
        Deserializer<LanguageStats> {

    static final byte FORMAT = 1;

    @Override
    public byte[] serialize(String topic, LanguageStats s) {
        if (s == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            for (long v : new long[] {s.total, s.pass, s.toxic, s.rewrite, s.hold, s.dlq, s.scoreSumMicros,
                    s.latencySumMs, s.ingestLatencySumMs, s.updatedAt}) {
                writeVarlong(v, out);
            }
            writeMap(out, s.holdByReason);
            writeMap(out, s.dlqByReason);
            writeMap(out, s.categories);
            writeMap(out, s.backends);
            writeSparse(out, s.scoreHistogram);
            writeSparse(out, s.confidenceHistogram);
            writeSparse(out, s.latencyHistogram);
            writeSparse(out, s.ingestLatencyHistogram);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // not reached: in-memory stream
        }
        return bytes.toByteArray();
    }

    @Override
    public LanguageStats deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT) {
                throw new SerializationException("unknown LanguageStats format " + format + " on " + topic);
            }
            LanguageStats s = new LanguageStats();
            s.total = readVarlong(in);
            s.pass = readVarlong(in);
            s.toxic = readVarlong(in);
            s.rewrite = readVarlong(in);
            s.hold = readVarlong(in);
            s.dlq = readVarlong(in);
            s.scoreSumMicros = readVarlong(in);
            s.latencySumMs = readVarlong(in);
            s.ingestLatencySumMs = readVarlong(in);
            s.updatedAt = readVarlong(in);
            readMap(in, s.holdByReason);
            readMap(in, s.dlqByReason);
            readMap(in, s.categories);
            readMap(in, s.backends);
            readSparse(in, s.scoreHistogram);
            readSparse(in, s.confidenceHistogram);
            readSparse(in, s.latencyHistogram);
            readSparse(in, s.ingestLatencyHistogram);
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " trailing bytes in LanguageStats on " + topic);
            }
            return s;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("corrupt LanguageStats on " + topic + ": " + e, e);
        }
    }

    private static void writeMap(DataOutputStream out, Map<String, Long> map) throws IOException {
        writeVarlong(map.size(), out);
        for (Map.Entry<String, Long> e : map.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            writeVarlong(k.length, out);
            out.write(k);
            writeVarlong(e.getValue(), out);
        }
    }

    private static void readMap(ByteBuffer in, Map<String, Long> into) {
        int n = readVarint(in);
        for (int i = 0; i < n; i++) {
            int length = readVarint(in);
            if (length > in.remaining()) {
                throw new IllegalArgumentException("key length " + length + " beyond the data");
            }
            byte[] k = new byte[length];
            in.get(k);
            into.put(new String(k, StandardCharsets.UTF_8), readVarlong(in));
        }
    }

    private static void writeSparse(DataOutputStream out, long[] histogram) throws IOException {
        int nonZero = 0;
        for (long c : histogram) {
            nonZero += c != 0 ? 1 : 0;
        }
        writeVarlong(nonZero, out);
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] != 0) {
                writeVarlong(i, out);
                writeVarlong(histogram[i], out);
            }
        }
    }

    private static void readSparse(ByteBuffer in, long[] into) {
        int n = readVarint(in);
        for (int i = 0; i < n; i++) {
            into[readVarint(in)] = readVarlong(in);
        }
    }

    /** Unsigned LEB128: every value written is a non-negative count, sum or timestamp. */
    private static void writeVarlong(long v, DataOutputStream out) throws IOException {
        if (v < 0) {
            throw new IllegalArgumentException("negative value " + v);
        }
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarlong(ByteBuffer in) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = in.get();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    private static int readVarint(ByteBuffer in) {
        long v = readVarlong(in);
        if (v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("length out of range: " + v);
        }
        return (int) v;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure
    }

    @Override
    public void close() {
        // nothing to release
    }

    @Override
    public Serializer<LanguageStats> serializer() {
        return this;
    }

    @Override
    public Deserializer<LanguageStats> deserializer() {
        return this;
    }
}
