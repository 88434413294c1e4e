package edu.mlcourse.hw5.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyLiteralTest {
    private static Object parse(String text) throws PyLiteral.SyntaxError {
        return PyLiteral.parse(text, false);
    }

    private static String error(String text) {
        return assertThrows(PyLiteral.SyntaxError.class, () -> parse(text)).getMessage();
    }

    @Test
    void parsesANumpyHeader() throws PyLiteral.SyntaxError {
        Object header = parse("{'descr': '<i8', 'fortran_order': False, 'shape': (16, 1), }   \n");
        assertEquals(Map.of("descr", "<i8", "fortran_order", false,
                "shape", new PyLiteral.Tuple(List.of(BigInteger.valueOf(16), BigInteger.ONE))), header);
    }

    @Test
    void tellsTuplesFromParenthesesAndLists() throws PyLiteral.SyntaxError {
        assertEquals(BigInteger.valueOf(5), parse("(5)"));
        assertEquals(new PyLiteral.Tuple(List.of(BigInteger.valueOf(5))), parse("(5,)"));
        assertEquals(new PyLiteral.Tuple(List.of()), parse("()"));
        assertEquals(List.of(BigInteger.valueOf(5)), parse("[5]"));
    }

    @Test
    void keepsHugeAndNegativeIntegersExact() throws PyLiteral.SyntaxError {
        assertEquals(new BigInteger("-123456789012345678901234567890"), parse("-123456789012345678901234567890"));
    }

    @Test
    void decodesStringEscapesAndBothQuotes() throws PyLiteral.SyntaxError {
        assertEquals("a'b\"c\\d\u00e9\n", parse("'a\\'b\"c\\\\d\\xe9\\n'"));
        assertEquals("it's", parse("\"it's\""));
        assertEquals(PyLiteral.NONE, parse("None"));
    }

    @Test
    void acceptsPython2LongSuffixOnlyWhenAsked() throws PyLiteral.SyntaxError {
        assertEquals(BigInteger.TEN, PyLiteral.parse("10L", true));
        assertTrue(error("10L").contains("a number runs into letters"));
    }

    @Test
    void refusesWhatIsNotALiteral() {
        assertTrue(error("{'a': 1.5}").contains("found a floating-point number"));
        assertTrue(error("{'a': __import__}").contains("unexpected name '__import__'"));
        assertTrue(error("{1: 2}").contains("a dict key is not a string"));
        assertTrue(error("{'a': 1, 'a': 2}").contains("the key 'a' appears twice"));
        assertTrue(error("{'a': 'open}").contains("a string is not closed"));
        assertTrue(error("{'a': 1} x").contains("unexpected 'x' after the end of the literal (at character 9)"));
        assertTrue(error("[".repeat(100)).contains("nested more than 32 levels deep"));
    }
}
