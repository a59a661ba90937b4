package io.detoxstreams.testing.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small builder of ONNX graphs with the protobuf classes of {@code tribuo-util-onnx}, for the tiny models the tests
 * build offline (with Optimum's input and output names). Node outputs get unique names unless named explicitly.
 */
public final class OnnxGraph {

    public static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    public static final int INT64 = TensorProto.DataType.INT64.getNumber();
    public static final int BOOL = TensorProto.DataType.BOOL.getNumber();
    public static final int OPSET = 17;

    private static final AtomicInteger IDS = new AtomicInteger();
    private final GraphProto.Builder g = GraphProto.newBuilder();
    private final String prefix;

    public OnnxGraph(String name) {
        g.setName(name);
        this.prefix = name.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** A graph input or output; a dim is a Long/Integer (fixed) or a String (symbolic). Null dims: no shape. */
    public OnnxGraph input(String name, int type, Object... dims) {
        g.addInput(valueInfo(name, type, dims));
        return this;
    }

    public OnnxGraph output(String name, int type, Object... dims) {
        g.addOutput(valueInfo(name, type, dims));
        return this;
    }

    public String floats(float[] data, long... dims) {
        String name = fresh("w");
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            b.putFloat(f);
        }
        g.addInitializer(TensorProto.newBuilder().setName(name).setDataType(FLOAT).addAllDims(box(dims))
                .setRawData(ByteString.copyFrom(b.array())));
        return name;
    }

    public String longs(long[] data, long... dims) {
        String name = fresh("c");
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(INT64).addAllDims(box(dims));
        for (long v : data) {
            t.addInt64Data(v);
        }
        g.addInitializer(t);
        return name;
    }

    public String scalar(long v) {
        return longs(new long[] {v});
    }

    public String scalarFloat(float v) {
        return floats(new float[] {v});
    }

    /** A node with one fresh output; attributes as name, value pairs (Long, Float, long[], GraphProto). */
    public String op(String type, String[] inputs, Object... attrs) {
        String out = fresh(type.toLowerCase());
        node(type, inputs, new String[] {out}, attrs);
        return out;
    }

    public String op(String type, String... inputs) {
        return op(type, inputs, new Object[0]);
    }

    /** A node with named outputs. */
    public void node(String type, String[] inputs, String[] outputs, Object... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(type).setName(fresh("n"));
        for (String i : inputs) {
            n.addInput(i);
        }
        for (String o : outputs) {
            n.addOutput(o);
        }
        for (int a = 0; a < attrs.length; a += 2) {
            n.addAttribute(attribute((String) attrs[a], attrs[a + 1]));
        }
        g.addNode(n);
    }

    public String fresh(String what) {
        return prefix + "_" + what + "_" + IDS.incrementAndGet();
    }

    public GraphProto build() {
        return g.build();
    }

    public void save(Path file) throws IOException {
        OnnxMl.ModelProto m = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("detox-streams-tests")
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(build()).build();
        Files.write(file, m.toByteArray());
    }

    private static AttributeProto attribute(String name, Object v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name);
        if (v instanceof Long || v instanceof Integer) {
            a.setType(AttributeProto.AttributeType.INT).setI(((Number) v).longValue());
        } else if (v instanceof Float || v instanceof Double) {
            a.setType(AttributeProto.AttributeType.FLOAT).setF(((Number) v).floatValue());
        } else if (v instanceof long[] ints) {
            a.setType(AttributeProto.AttributeType.INTS);
            for (long i : ints) {
                a.addInts(i);
            }
        } else if (v instanceof GraphProto graph) {
            a.setType(AttributeProto.AttributeType.GRAPH).setG(graph);
        } else {
            throw new IllegalArgumentException("attribute type " + v.getClass());
        }
        return a.build();
    }

    private static ValueInfoProto valueInfo(String name, int type, Object... dims) {
        TypeProto.Tensor.Builder t = TypeProto.Tensor.newBuilder().setElemType(type);
        if (dims != null) {
            TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
            for (Object d : dims) {
                s.addDim(d instanceof String p ? TensorShapeProto.Dimension.newBuilder().setDimParam(p)
                        : TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()));
            }
            t.setShape(s);
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(t)).build();
    }

    private static Iterable<Long> box(long[] dims) {
        java.util.List<Long> l = new java.util.ArrayList<>();
        for (long d : dims) {
            l.add(d);
        }
        return l;
    }
}
