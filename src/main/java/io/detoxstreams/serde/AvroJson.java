package io.detoxstreams.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain JSON for the generated Avro classes, driven by their schema: field names as in the schema, unions written as
 * the bare value (not Avro's {@code {"string": …}} wrapping), enums as their symbol, {@code timestamp-millis} as an
 * ISO-8601 string (epoch millis are accepted when reading). Missing fields take their schema default.
 *
 * <pre>{@code
 * ObjectNode json = AvroJson.toJson(result);
 * CommentEvent e = AvroJson.fromJson(node, CommentEvent.getClassSchema());
 * }</pre>
 */
public final class AvroJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static {
        TrustedAvroClasses.ensure();
    }

    private AvroJson() {
    }

    public static ObjectNode toJson(SpecificRecord record) {
        return (ObjectNode) write(record, record.getSchema());
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> T fromJson(JsonNode json, Schema schema) {
        if (json == null || !json.isObject()) {
            throw new SerializationException("expected a JSON object for " + schema.getName());
        }
        return (T) read(json, schema, schema.getName());
    }

    private static JsonNode write(Object value, Schema schema) {
        if (value == null) {
            return NODES.nullNode();
        }
        switch (schema.getType()) {
            case RECORD: {
                SpecificRecord r = (SpecificRecord) value;
                ObjectNode o = NODES.objectNode();
                for (Schema.Field f : schema.getFields()) {
                    o.set(f.name(), write(r.get(f.pos()), f.schema()));
                }
                return o;
            }
            case UNION:
                return write(value, branchFor(value, schema));
            case ARRAY: {
                ArrayNode a = NODES.arrayNode();
                for (Object item : (List<?>) value) {
                    a.add(write(item, schema.getElementType()));
                }
                return a;
            }
            case MAP: {
                ObjectNode o = NODES.objectNode();
                ((Map<?, ?>) value).forEach((k, v) -> o.set(k.toString(), write(v, schema.getValueType())));
                return o;
            }
            case LONG:
                return value instanceof Instant i ? NODES.textNode(i.toString()) : NODES.numberNode((Long) value);
            case INT:
                return NODES.numberNode((Integer) value);
            case DOUBLE: {
                double d = (Double) value;
                return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
            }
            case FLOAT:
                return NODES.numberNode((Float) value);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            case ENUM:
            case STRING:
                return NODES.textNode(value.toString());
            default:
                throw new SerializationException("unsupported Avro type " + schema.getType());
        }
    }

    private static Schema branchFor(Object value, Schema union) {
        for (Schema s : union.getTypes()) {
            if (s.getType() != Schema.Type.NULL && SpecificData.get().validate(s, value)) {
                return s;
            }
            if (s.getType() == Schema.Type.LONG && value instanceof Instant) {
                return s;
            }
        }
        throw new SerializationException("no union branch of " + union + " fits " + value.getClass());
    }

    private static Object read(JsonNode json, Schema schema, String path) {
        switch (schema.getType()) {
            case NULL:
                if (json == null || json.isNull()) {
                    return null;
                }
                throw new SerializationException(path + ": expected null");
            case UNION:
                return readUnion(json, schema, path);
            case RECORD:
                return readRecord(json, schema, path);
            case ARRAY: {
                expect(json.isArray(), path, "an array");
                List<Object> list = new ArrayList<>(json.size());
                int i = 0;
                for (JsonNode item : json) {
                    list.add(read(item, schema.getElementType(), path + "[" + i++ + "]"));
                }
                return list;
            }
            case MAP: {
                expect(json.isObject(), path, "an object");
                Map<String, Object> map = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    map.put(e.getKey(), read(e.getValue(), schema.getValueType(), path + "." + e.getKey()));
                }
                return map;
            }
            case STRING:
                expect(json.isTextual(), path, "a string");
                return json.textValue();
            case LONG:
                return readLong(json, schema, path);
            case INT:
                expect(json.canConvertToInt(), path, "an int");
                return json.intValue();
            case DOUBLE:
                if (json.isNull()) {
                    return Double.NaN;
                }
                expect(json.isNumber(), path, "a number");
                return json.doubleValue();
            case BOOLEAN:
                expect(json.isBoolean(), path, "a boolean");
                return json.booleanValue();
            case ENUM:
                expect(json.isTextual() && schema.hasEnumSymbol(json.textValue()), path, "one of " + schema.getEnumSymbols());
                return SpecificData.get().createEnum(json.textValue(), schema);
            default:
                throw new SerializationException(path + ": unsupported Avro type " + schema.getType());
        }
    }

    private static Object readRecord(JsonNode json, Schema schema, String path) {
        expect(json.isObject(), path, "an object");
        SpecificRecord r = (SpecificRecord) SpecificData.get().newRecord(null, schema);
        for (Schema.Field f : schema.getFields()) {
            JsonNode v = json.get(f.name());
            if ((v == null || v.isNull()) && !f.hasDefaultValue() && !nullable(f.schema())) {
                throw new MissingFieldException(path, f.name());
            }
            if (v == null || (v.isNull() && f.hasDefaultValue() && f.defaultVal() != org.apache.avro.JsonProperties.NULL_VALUE)) {
                r.put(f.pos(), defaultValue(f));
            } else {
                r.put(f.pos(), read(v, f.schema(), path + "." + f.name()));
            }
        }
        return r;
    }

    private static boolean nullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    private static Object defaultValue(Schema.Field f) {
        Object v = SpecificData.get().getDefaultValue(f);
        if (v instanceof Long millis && f.schema().getLogicalType() instanceof LogicalTypes.TimestampMillis) {
            return Instant.ofEpochMilli(millis);
        }
        return v;
    }

    private static Object readUnion(JsonNode json, Schema schema, String path) {
        if (json == null || json.isNull()) {
            if (schema.getTypes().stream().anyMatch(s -> s.getType() == Schema.Type.NULL)) {
                return null;
            }
            throw new SerializationException(path + ": null is not allowed");
        }
        SerializationException last = null;
        for (Schema s : schema.getTypes()) {
            if (s.getType() == Schema.Type.NULL) {
                continue;
            }
            try {
                return read(json, s, path);
            } catch (SerializationException e) {
                last = e;
            }
        }
        throw last != null ? last : new SerializationException(path + ": no union branch fits");
    }

    private static Object readLong(JsonNode json, Schema schema, String path) {
        boolean timestamp = schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
        if (timestamp && json.isTextual()) {
            try {
                return Instant.parse(json.textValue());
            } catch (DateTimeParseException e) {
                throw new SerializationException(path + ": not an ISO-8601 instant: " + json.textValue());
            }
        }
        expect(json.canConvertToLong() && json.isIntegralNumber(), path, timestamp ? "a timestamp" : "a long");
        return timestamp ? Instant.ofEpochMilli(json.longValue()) : (Object) json.longValue();
    }

    private static void expect(boolean ok, String path, String what) {
        if (!ok) {
            throw new SerializationException(path + ": expected " + what);
        }
    }
}
