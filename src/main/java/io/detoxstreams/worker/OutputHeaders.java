package io.detoxstreams.worker;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The header the rewriter stamps on every record it writes to {@code comments.detoxified} and {@code comments.review}.
 * The moderator writes PASS results to {@code comments.detoxified} too; the metrics sub-topology, which reads that
 * topic back, counts only the rewriter's records (the moderator's verdicts are counted where they are made) and
 * tells them apart by this header without decoding the value.
 */
public final class OutputHeaders {

    public static final String STAGE = "detox.stage";
    public static final String REWRITER = "rewriter";
    private static final byte[] REWRITER_BYTES = REWRITER.getBytes(StandardCharsets.UTF_8);

    private OutputHeaders() {
    }

    /** Replaces any {@value #STAGE} header (e.g. one copied from the input) with {@value #REWRITER}. */
    public static Headers stampRewriter(Headers headers) {
        headers.remove(STAGE);
        headers.add(STAGE, REWRITER_BYTES);
        return headers;
    }

    /** True when the last {@value #STAGE} header says {@value #REWRITER}. */
    public static boolean fromRewriter(Headers headers) {
        Header h = headers.lastHeader(STAGE);
        return h != null && java.util.Arrays.equals(h.value(), REWRITER_BYTES);
    }
}
