package io.detoxstreams.text;

import java.util.Objects;

/**
 * Each thread's last few answers to a question about up to three strings, most recent first: one comment is
 * tokenized, judged and checked by the rewriter, the policy, the verifier and the explanation in turn, and they ask
 * the same questions of the same texts. A look-up compares the keys with {@link String#equals} (identity first) and
 * allocates nothing; an answer for new keys pushes out the oldest. Keys may be null (a question about fewer strings).
 *
 * <pre>
 * V v = recent.find(a, b, null);
 * if (v == null) {
 *     v = compute(a, b);
 *     recent.put(a, b, null, v);
 * }
 * </pre>
 *
 * @param <V> the answer (never null)
 */
public final class RecentAnswers<V> {

    private static final int WIDTH = 4;

    private final ThreadLocal<Object[]> slots;

    /** Remembers the last {@code capacity} answers of each thread. */
    public RecentAnswers(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.slots = ThreadLocal.withInitial(() -> new Object[capacity * WIDTH]);
    }

    /** This thread's answer for the keys, or null when it is not among the last ones. */
    @SuppressWarnings("unchecked")
    public V find(String a, String b, String c) {
        Object[] s = slots.get();
        for (int i = 0; i < s.length; i += WIDTH) {
            if (s[i + 3] != null && same(s[i], a) && same(s[i + 1], b) && same(s[i + 2], c)) {
                return (V) s[i + 3];
            }
        }
        return null;
    }

    /** Remembers {@code answer} for the keys as this thread's most recent. */
    public void put(String a, String b, String c, V answer) {
        Object[] s = slots.get();
        System.arraycopy(s, 0, s, WIDTH, s.length - WIDTH);
        s[0] = a;
        s[1] = b;
        s[2] = c;
        s[3] = Objects.requireNonNull(answer, "answer");
    }

    private static boolean same(Object remembered, String key) {
        return remembered == key || key != null && key.equals(remembered);
    }
}
