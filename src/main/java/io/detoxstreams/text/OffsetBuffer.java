package io.detoxstreams.text;

import java.util.Arrays;

/** A growable char buffer that remembers, for every char, the original range it came from. */
final class OffsetBuffer {

    char[] chars;
    int[] starts;
    int[] ends;
    int length;

    OffsetBuffer(int capacity) {
        int c = Math.max(16, capacity);
        chars = new char[c];
        starts = new int[c];
        ends = new int[c];
    }

    void append(char c, int start, int end) {
        if (length == chars.length) {
            int n = chars.length * 2;
            chars = Arrays.copyOf(chars, n);
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
        }
        chars[length] = c;
        starts[length] = start;
        ends[length] = end;
        length++;
    }

    /** Appends char {@code i} of {@code from} with its original range. */
    void copy(OffsetBuffer from, int i) {
        append(from.chars[i], from.starts[i], from.ends[i]);
    }

    /** Appends {@code c} with the original range spanning {@code from}'s chars {@code [i, j)}. */
    void appendSpanning(char c, OffsetBuffer from, int i, int j) {
        append(c, from.starts[i], from.ends[j - 1]);
    }

    /** Empties the buffer for reuse (its capacity stays) and returns it. */
    OffsetBuffer cleared() {
        length = 0;
        return this;
    }

    char last() {
        return chars[length - 1];
    }

    void trimTrailingSpace() {
        while (length > 0 && chars[length - 1] == ' ') {
            length--;
        }
    }

    NormalizedText toNormalizedText(String original) {
        return new NormalizedText(original, new String(chars, 0, length), Arrays.copyOf(starts, length),
                Arrays.copyOf(ends, length));
    }
}
