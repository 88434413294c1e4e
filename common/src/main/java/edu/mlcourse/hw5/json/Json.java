package edu.mlcourse.hw5.json;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson configuration the project uses, so that every JSON file is written the same way.
 *
 * <p>Output is byte-for-byte reproducible: doubles are written by Jackson's own shortest-repr
 * writer (the JDK's {@code Double.toString} changed in JDK 19), line ends are always {@code \n}.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            // Reads the same doubles as Double.parseDouble (correctly rounded), a few times faster:
            // a my_model.json holds tens of thousands of them, read while a grade waits.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    static {
        // Model files of a few million parameters are legitimate; the default 20 MB cap is not.
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(64 * 1024 * 1024)
                .maxDocumentLength(512L * 1024 * 1024)
                .build());
    }

    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private Json() {
    }

    /**
     * A short description of why reading JSON failed, with the line and column where Jackson
     * knows them, without Jackson's long source dump.
     */
    public static String describe(java.io.IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            var where = j.getLocation();
            return j.getOriginalMessage()
                    + (where == null || where.getLineNr() < 0 ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")");
        }
        return e.toString();
    }

    /** The shared mapper. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Indented output with one object member a line; arrays stay on one line. */
    public static ObjectWriter prettyWriter() {
        return PRETTY;
    }

    /** {@link #prettyWriter()}'s output plus a final newline: the form of every JSON file the project writes. */
    public static byte[] prettyFileBytes(Object value) throws java.io.IOException {
        byte[] json = PRETTY.writeValueAsBytes(value);
        byte[] withNewline = java.util.Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }
}
