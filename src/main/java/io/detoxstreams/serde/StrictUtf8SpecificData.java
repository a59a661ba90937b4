package io.detoxstreams.serde;

import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.Decoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Avro's specific data model with one change: strings that are not valid UTF-8 fail decoding instead of being
 * silently repaired with U+FFFD (Avro's default), so such comments reach the DLQ unchanged rather than being
 * moderated as something the user never wrote.
 */
public final class StrictUtf8SpecificData extends SpecificData {

    public static final StrictUtf8SpecificData INSTANCE = new StrictUtf8SpecificData();

    private StrictUtf8SpecificData() {
        super(StrictUtf8SpecificData.class.getClassLoader());
        TrustedAvroClasses.ensure();
        // Generated classes' custom decoders read strings themselves, bypassing the strict reader below.
        setCustomCoders(false);
        // Field-level conversions come from the generated classes, but a logical type inside a union (LanguageMetrics'
        // nullable window_start/window_end) is converted through the model: without this it decodes as a Long.
        addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    }

    @Override
    public DatumReader<?> createDatumReader(Schema writer, Schema reader) {
        return new StrictReader<>(writer, reader, this);
    }

    @Override
    public DatumReader<?> createDatumReader(Schema schema) {
        return createDatumReader(schema, schema);
    }

    /** Decodes {@code bytes} as UTF-8, throwing {@link InvalidUtf8Exception} on malformed input. */
    public static String decodeStrict(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception("string is not valid UTF-8: " + e);
        }
    }

    private static final class StrictReader<T> extends SpecificDatumReader<T> {

        StrictReader(Schema writer, Schema reader, SpecificData data) {
            super(writer, reader, data);
        }

        @Override
        protected Object readString(Object old, Schema expected, Decoder in) throws IOException {
            Utf8 utf8 = in.readString(null);
            return decodeStrict(ByteBuffer.wrap(utf8.getBytes(), 0, utf8.getByteLength()));
        }

        @Override
        protected Object readString(Object old, Decoder in) throws IOException {
            return readString(old, null, in);
        }
    }
}
