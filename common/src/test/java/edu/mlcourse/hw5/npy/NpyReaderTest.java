package edu.mlcourse.hw5.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reads the fixtures of {@code make_fixtures.py}: what numpy writes, and what must be refused. */
class NpyReaderTest {
    static final Path FIXTURES = Path.of("src", "test", "resources", "npy");
    static final int[] LABELS = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 0};
    static final String HINT = "Save the labels with np.save('";

    static Stream<String> acceptedFixtures() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("ok_") && !n.startsWith("ok_scalar") && !n.startsWith("ok_empty"))
                    .sorted().toList();
            assertEquals(28, names.size(), "every accepted dtype, order, version and shape has a fixture");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFixtures")
    void readsEveryAcceptedFixtureAsTheLabels(String name) {
        assertArrayEquals(LABELS, NpyReader.readInts(FIXTURES.resolve(name)));
    }

    @Test
    void readsValuesAtTheEdgesOfEachType() {
        Map<String, int[]> wide = Map.of(
                "wide_i1.npy", new int[] {-128, -1, 0, 127},
                "wide_u1.npy", new int[] {0, 128, 255},
                "wide_i2_be.npy", new int[] {-32768, -1, 32767},
                "wide_u2_le.npy", new int[] {0, 65535},
                "wide_i4_be.npy", new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE},
                "wide_u4_le.npy", new int[] {0, Integer.MAX_VALUE},
                "wide_i8_le.npy", new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE},
                "wide_u8_be.npy", new int[] {0, Integer.MAX_VALUE},
                "wide_f4_be.npy", new int[] {-16777216, 0, 16777216},
                "wide_f8_le.npy", new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE});
        wide.forEach((name, expected) -> assertArrayEquals(expected, NpyReader.readInts(FIXTURES.resolve(name)), name));
    }

    @Test
    void readsAScalarAsOneValueAndAnEmptyArrayAsNone() {
        assertArrayEquals(new int[] {7}, NpyReader.readInts(FIXTURES.resolve("ok_scalar_i8.npy")));
        assertArrayEquals(new int[0], NpyReader.readInts(FIXTURES.resolve("ok_empty_i8.npy")));
    }

    @Test
    void headerReportsVersionDtypeShapeAndWhereTheDataStarts() {
        NpyHeader v1 = NpyReader.readHeader(FIXTURES.resolve("ok_u2_be_v1.npy"));
        assertEquals(1, v1.majorVersion());
        assertEquals(new NpyDtype(NpyDtype.Kind.UNSIGNED, 2, ByteOrder.BIG_ENDIAN, ">u2"), v1.dtype());
        assertEquals(List.of(16L), v1.shape());
        assertEquals(128, v1.dataOffset());
        assertEquals("uint16 (big-endian)", v1.dtype().describe());

        NpyHeader v3 = NpyReader.readHeader(FIXTURES.resolve("ok_f8_be_v3_n1.npy"));
        assertEquals(3, v3.majorVersion());
        assertEquals(List.of(16L, 1L), v3.shape());
        assertEquals("(16, 1)", v3.shapeText());
        assertEquals(NpyDtype.Kind.FLOAT, v3.dtype().kind());

        assertTrue(NpyReader.readHeader(FIXTURES.resolve("ok_i8_le_v1_n1_fortran.npy")).fortranOrder());
        assertFalse(NpyReader.readHeader(FIXTURES.resolve("ok_i8_le_v1_n1.npy")).fortranOrder());
        assertEquals(ByteOrder.LITTLE_ENDIAN, NpyReader.readHeader(FIXTURES.resolve("ok_i8_native_v1.npy")).dtype().order());
    }

    /** The message of reading a refused fixture; it always starts with the file's name. */
    static String refusal(String name) {
        NpyException e = assertThrows(NpyException.class, () -> NpyReader.readInts(FIXTURES.resolve(name)));
        assertTrue(e.getMessage().startsWith(name + " "), e.getMessage());
        return e.getMessage();
    }

    static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "expected «" + part + "» in: " + message);
        }
    }

    // Not .npy files.

    @Test
    void refusesAnEmptyFile() {
        assertContains(refusal("bad_empty.npy"), "is empty (0 bytes)", HINT);
    }

    @Test
    void refusesAFileShorterThanTheMagic() {
        assertContains(refusal("bad_short.npy"), "is truncated: it is only 4 bytes long");
    }

    @Test
    void refusesABadMagic() {
        assertContains(refusal("bad_magic.npy"), "is not a numpy .npy file", "\\x93NUMPY",
                "starts with 93 4e 55 4d 50 5a", HINT);
    }

    @Test
    void recognisesTextSavedUnderTheNpyName() {
        assertContains(refusal("bad_text.npy"), "it is a text file", ".csv", HINT);
    }

    @Test
    void recognisesAPickleAndNeverLoadsIt() {
        assertContains(refusal("bad_pickle.npy"), "looks like a Python pickle", "never loads");
    }

    @Test
    void recognisesAnNpzArchive() {
        assertContains(refusal("bad_npz.npy"), "zip archive", "np.savez", HINT);
    }

    // Version and header.

    @Test
    void refusesAnUnknownMajorVersion() {
        assertContains(refusal("bad_version_4_0.npy"), "format version 4.0", "versions 1.0, 2.0 and 3.0 are");
    }

    @Test
    void refusesAnUnknownMinorVersion() {
        assertContains(refusal("bad_version_1_1.npy"), "format version 1.1");
    }

    @Test
    void refusesAFileThatEndsInsideTheHeader() {
        assertContains(refusal("bad_header_cut.npy"), "is truncated: its header is declared as 118 bytes",
                "ends 40 bytes after the header starts");
    }

    @Test
    void refusesAHugeDeclaredHeaderWithoutAllocatingIt() {
        assertContains(refusal("bad_header_too_long.npy"), "declares a header of 2147483647 bytes",
                "more than the 10000");
    }

    @Test
    void refusesAHeaderThatIsNotADict() {
        assertContains(refusal("bad_not_dict.npy"), "has a malformed header (it is not a dict)",
                "The header reads: ['<i8', False, (16,)]", HINT);
    }

    @Test
    void refusesAHeaderThatIsNotALiteral() {
        assertContains(refusal("bad_syntax.npy"), "has a malformed header (it is not a Python literal:",
                "unexpected end of the header");
    }

    @Test
    void refusesAHeaderWithoutAKey() {
        assertContains(refusal("bad_missing_key.npy"), "exactly the keys", "missing: [fortran_order]");
    }

    @Test
    void refusesAHeaderWithAnExtraKey() {
        assertContains(refusal("bad_extra_key.npy"), "exactly the keys", "unexpected: [labels]");
    }

    @Test
    void refusesAFortranOrderThatIsNotABool() {
        assertContains(refusal("bad_fortran_not_bool.npy"), "'fortran_order' must be True or False, not 0");
    }

    @Test
    void refusesAShapeThatIsAList() {
        assertContains(refusal("bad_shape_list.npy"), "'shape' must be a tuple of non-negative integers", "not [16]");
    }

    @Test
    void refusesANegativeDimensionThatNumpyWouldRead() {
        assertContains(refusal("bad_shape_negative.npy"), "'shape' must be a tuple of non-negative integers",
                "not (-16,)");
    }

    @Test
    void refusesADescrThatIsNotAString() {
        assertContains(refusal("bad_descr_not_string.npy"), "'descr' must be a dtype string such as '<i8', not 8");
    }

    @Test
    void refusesAVersion3HeaderThatIsNotUtf8() {
        assertContains(refusal("bad_v3_not_utf8.npy"), "version 3.0 requires UTF-8 text");
    }

    // Dtypes.

    @Test
    void refusesAnObjectArrayFromItsHeaderAlone() {
        assertContains(refusal("bad_object.npy"), "has dtype '|O', which holds Python objects", "never unpickles",
                "np.save('bad_object.npy', preds.astype(np.int64))");
    }

    @Test
    void refusesAStructuredArray() {
        assertContains(refusal("bad_structured.npy"), "holds a structured array (a dtype with 2 named field(s))", HINT);
    }

    @Test
    void refusesBooleans() {
        assertContains(refusal("bad_bool.npy"), "has dtype '|b1', which holds booleans");
    }

    @Test
    void refusesComplexNumbers() {
        assertContains(refusal("bad_complex.npy"), "has dtype '<c16', which holds complex numbers");
    }

    @Test
    void refusesUnicodeStrings() {
        assertContains(refusal("bad_unicode.npy"), "has dtype '<U1', which holds text");
    }

    @Test
    void refusesByteStrings() {
        assertContains(refusal("bad_bytes.npy"), "has dtype '|S1', which holds text");
    }

    @Test
    void refusesDates() {
        assertContains(refusal("bad_datetime.npy"), "has dtype '<M8[D]', which holds dates");
    }

    @Test
    void refusesRawBytes() {
        assertContains(refusal("bad_void.npy"), "has dtype '|V8', which holds raw bytes");
    }

    @Test
    void refusesFloat16() {
        assertContains(refusal("bad_float16.npy"), "has dtype '<f2', which holds 16-bit floats (float16)");
    }

    @Test
    void refusesLongDouble() {
        assertContains(refusal("bad_longdouble.npy"), "has dtype '<f16', which holds 128-bit floats");
    }

    @Test
    void refusesAnUnknownDescr() {
        assertContains(refusal("bad_descr_unknown.npy"), "has dtype '<i3', which is not a dtype numpy writes");
    }

    @Test
    void refusesAMultiByteTypeWithoutAByteOrder() {
        assertContains(refusal("bad_pipe_multibyte.npy"), "has dtype '|i8', whose byte order '|'", "8-byte values");
    }

    // Shapes.

    @Test
    void refusesPerClassScoresWithTheArgmaxHint() {
        assertContains(refusal("bad_2d_scores.npy"), "holds an array of shape (4, 10)", "preds.argmax(axis=1)");
    }

    @Test
    void refusesATwoDimensionalArrayOfLabels() {
        assertContains(refusal("bad_2d_int.npy"), "holds an array of shape (2, 8)", "preds.ravel()");
    }

    // Values.

    @Test
    void refusesANonIntegralFloat() {
        assertContains(refusal("bad_nonintegral_f8.npy"), "holds 2.5 at index 3, which is not a whole number",
                "preds.argmax(axis=1)");
    }

    @Test
    void refusesNaN() {
        assertContains(refusal("bad_nan_f8.npy"), "holds NaN at index 3");
    }

    @Test
    void refusesInfinity() {
        assertContains(refusal("bad_inf_f4.npy"), "holds Infinity at index 3");
    }

    @Test
    void refusesAWholeFloatBeyondInt() {
        assertContains(refusal("bad_too_big_f8.npy"), "holds 1.0E10 at index 3, which does not fit in a 32-bit int");
    }

    @Test
    void refusesAnInt64BeyondInt() {
        assertContains(refusal("bad_too_big_i8.npy"), "holds 1099511627776 at index 3, which does not fit");
    }

    @Test
    void refusesAUint32BeyondInt() {
        assertContains(refusal("bad_too_big_u4.npy"), "holds 4294967295 at index 3, which does not fit");
    }

    @Test
    void refusesAUint64BeyondLong() {
        assertContains(refusal("bad_too_big_u8.npy"), "holds 18446744073709551615 at index 3, which does not fit");
    }

    // Sizes.

    @Test
    void refusesTruncatedData() {
        assertContains(refusal("bad_truncated.npy"), "is truncated or damaged",
                "shape (16,) of int64 (little-endian), that is 16 value(s) or 128 bytes", "only 123 bytes follow");
    }

    @Test
    void refusesAHugeDeclaredShapeBeforeAllocating() {
        assertContains(refusal("bad_huge_shape.npy"), "is truncated or damaged", "shape (4611686018427387904,)",
                "36893488147419103232 bytes", "only 128 bytes follow");
    }

    @Test
    void refusesTrailingBytesSuchAsASecondArray() {
        assertContains(refusal("bad_trailing.npy"), "has 256 unexpected bytes after its data",
                "np.save called twice on one open file");
    }

    @Test
    void aMissingFileIsAnIoProblemNotAFormatOne() {
        assertThrows(java.io.UncheckedIOException.class, () -> NpyReader.readInts(FIXTURES.resolve("no-such.npy")));
    }
}
