package io.detoxstreams.safety;

import java.util.Locale;

/** The two kinds of harm that are never rewritten and always go to review. */
public enum HarmKind {
    /** A threat of violence against someone (a person or a group), direct or conditional. */
    THREAT,
    /** Self-harm: someone saying they will hurt or kill themselves, or telling someone to. */
    SELF_HARM;

    /** The wire name, also the hold reason code: {@code threat}, {@code self_harm}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
