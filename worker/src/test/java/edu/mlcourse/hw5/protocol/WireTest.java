package edu.mlcourse.hw5.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import edu.mlcourse.hw5.contract.Q1Function;
import edu.mlcourse.hw5.contract.Rank;
import edu.mlcourse.hw5.invocation.Outcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTest {
    private static DataInputStream roundTrip(IoWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.write(new DataOutputStream(bytes));
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    interface IoWriter {
        void write(DataOutputStream out) throws IOException;
    }

    @Test
    void raggedAndNullArraysSurviveTheTrip() throws IOException {
        double[][] ragged = {{1, Double.NaN}, null, {-0.0}};
        DataInputStream in = roundTrip(out -> Wire.writeArray(out, ragged, Rank.MATRIX));
        double[][] back = (double[][]) Wire.readArray(in, Rank.MATRIX, new Wire.Budget(100, 0));
        assertArrayEquals(ragged[0], back[0]);
        assertNull(back[1]);
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(back[2][0]));
    }

    @Test
    void everyOutcomeThatTravelsComesBackEqual() throws IOException {
        var outputs = Q1Function.LINEAR_BACKWARD.outputs();
        Outcome returned = new Outcome.Returned(new Object[] {new double[][] {{1}}, null, new double[] {2}}, List.of("v"));
        Outcome threw = new Outcome.Threw("java.lang.X", null, List.of("a.b(C.java:1)"), true);
        for (Outcome outcome : List.of(returned, threw, new Outcome.Unavailable("u"), new Outcome.Rejected("r"))) {
            DataInputStream in = roundTrip(out -> Wire.writeOutcome(out, outcome, outputs));
            Outcome back = Wire.readOutcome(in, outputs, new Wire.Budget(100, 100));
            assertEquals(outcome.getClass(), back.getClass());
            if (back instanceof Outcome.Threw t) {
                assertEquals(List.of("a.b(C.java:1)"), t.frames());
                assertEquals(true, t.fatal());
            }
        }
    }

    @Test
    void aReaderRefusesToAllocateBeyondItsBudget() throws IOException {
        DataInputStream huge = roundTrip(out -> out.writeInt(Integer.MAX_VALUE));
        assertThrows(ProtocolException.class, () -> Wire.readArray(huge, Rank.VECTOR, new Wire.Budget(1000, 0)));
        DataInputStream text = roundTrip(out -> Wire.writeString(out, "x".repeat(50)));
        assertThrows(ProtocolException.class, () -> Wire.readString(text, new Wire.Budget(0, 10)));
        assertInstanceOf(String.class, Wire.readString(roundTrip(out -> Wire.writeString(out, "ok")), new Wire.Budget(0, 10)));
    }
}
