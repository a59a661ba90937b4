package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.deploy.DeployFiles.Manifest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** The Secrets of {@code deploy/k8s/secret.example.yaml}: the names and keys the manifests may refer to. */
final class ExampleSecrets {

    static final String FILE = "secret.example.yaml";

    private ExampleSecrets() {
    }

    static List<Manifest> all() {
        return DeployFiles.kubernetes().stream().filter(m -> m.file().equals(FILE) && m.kind().equals("Secret")).toList();
    }

    /** The example value of a key of a Secret; fails if the example defines no such key. */
    static String value(String secret, String key) {
        for (Manifest m : all()) {
            if (m.name().equals(secret)) {
                JsonNode plain = m.doc().path("stringData").path(key);
                if (!plain.isMissingNode()) {
                    return plain.asText();
                }
                JsonNode encoded = m.doc().path("data").path(key);
                if (!encoded.isMissingNode()) {
                    return new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8);
                }
                throw new AssertionError("Secret " + secret + " (" + FILE + ") has no key " + key);
            }
        }
        throw new AssertionError(FILE + " defines no Secret " + secret);
    }

    static boolean has(String secret, String key) {
        try {
            value(secret, key);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }
}
