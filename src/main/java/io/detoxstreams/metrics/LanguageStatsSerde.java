package io.detoxstreams.metrics;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compact binary serde of {@link LanguageStats} for the metrics stores, their changelogs and the repartition topics
 * (internal topics only; {@code moderation.metrics} carries the LanguageMetrics Avro record). Layout: a format byte,
 * then varint counters, maps as count + (UTF-8 key, varint), and histograms sparse — only non-zero buckets as
 * (index, count) — since a single event has one non-zero bucket per histogram. A one-event delta is ~40 bytes.
 *
 * <p>The bucket layout is that of {@link Buckets}; the format byte changes whenever it does, so old state is
 * rejected loudly instead of being merged into the wrong buckets. Format 2 appends the uncertain count and the
 * coverage counts; format 1 (written before them) is still read, with both empty.
 */
public final class LanguageStatsSerde implements Serde<LanguageStats>, Serializer<LanguageStats>,
        Deserializer<LanguageStats> {

    static final byte FORMAT = 2;
    /** The format before the uncertain and coverage counts: still read, never written. */
    static final byte FORMAT_1 = 1;
    private static final Map<String, byte[]> UTF8 = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, LanguageStats s) {
        if (s == null) {
            return null;
        }
        // Runs for every event (combiner buffer), so it writes straight into a byte array.
        Writer out = new Writer();
        out.bytes[out.size++] = FORMAT;
        for (long v : new long[] {s.total, s.pass, s.toxic, s.rewrite, s.hold, s.dlq, s.scoreSumMicros,
                s.latencySumMs, s.ingestLatencySumMs, s.updatedAt}) {
            out.varlong(v);
        }
        writeMap(out, s.holdByReason);
        writeMap(out, s.dlqByReason);
        writeMap(out, s.categories);
        writeMap(out, s.backends);
        writeSparse(out, s.scoreHistogram);
        writeSparse(out, s.confidenceHistogram);
        writeSparse(out, s.latencyHistogram);
        writeSparse(out, s.ingestLatencyHistogram);
        out.varlong(s.uncertain);
        writeMap(out, s.coverage);
        return Arrays.copyOf(out.bytes, out.size);
    }

    @Override
    public LanguageStats deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            byte format = in.get();
            if (format != FORMAT && format != FORMAT_1) {
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
            if (format == FORMAT) {
                s.uncertain = readVarlong(in);
                readMap(in, s.coverage);
            }
            if (in.hasRemaining()) {
                throw new SerializationException(in.remaining() + " trailing bytes in LanguageStats on " + topic);
            }
            return s;
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SerializationException("corrupt LanguageStats on " + topic + ": " + e, e);
        }
    }

    private static void writeMap(Writer out, Map<String, Long> map) {
        out.varlong(map.size());
        for (Map.Entry<String, Long> e : map.entrySet()) {
            byte[] k = UTF8.computeIfAbsent(e.getKey(), key -> key.getBytes(StandardCharsets.UTF_8));
            out.varlong(k.length);
            out.write(k);
            out.varlong(e.getValue());
        }
        if (UTF8.size() > 10_000) {
            UTF8.clear();   // keys are a few reasons, categories and backends; never let odd input grow this
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

    private static void writeSparse(Writer out, long[] histogram) {
        int nonZero = 0;
        for (long c : histogram) {
            nonZero += c != 0 ? 1 : 0;
        }
        out.varlong(nonZero);
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] != 0) {
                out.varlong(i);
                out.varlong(histogram[i]);
            }
        }
    }

    private static void readSparse(ByteBuffer in, long[] into) {
        int n = readVarint(in);
        for (int i = 0; i < n; i++) {
            into[readVarint(in)] = readVarlong(in);
        }
    }

    /** A growable byte array; varints are unsigned LEB128 (every value is a non-negative count, sum or time). */
    private static final class Writer {
        byte[] bytes = new byte[128];
        int size;

        void varlong(long v) {
            if (v < 0) {
                throw new SerializationException("negative value " + v + " in LanguageStats");
            }
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[size++] = (byte) v;
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
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
