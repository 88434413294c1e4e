package edu.mlcourse.hw5.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rendersLabelBarPercentCountAndSuffix() {
        ProgressBar bar = new ProgressBar("epoch 1/2", 200, out, false, () -> now);
        assertEquals("epoch 1/2 [#####...............]  25% 50/200 loss 0.5", bar.render(50, "loss 0.5"));
        assertEquals("epoch 1/2 [####################] 100% 200/200", bar.render(200, ""));
    }

    @Test
    void plainOutputPrintsOnlyEveryIntervalAndTheResult() {
        ProgressBar bar = new ProgressBar("x", 10, out, false, () -> now);
        bar.update(1, "a");
        now += TimeUnit.SECONDS.toNanos(ProgressBar.PLAIN_INTERVAL_SECONDS) - 1;
        bar.update(2, "b");
        now += 1;
        bar.update(3, "c");
        bar.update(4, "d");
        bar.finish(10, "done");
        assertEquals("x [######..............]  30% 3/10 c\nx [####################] 100% 10/10 done\n",
                printed().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void terminalOutputRedrawsOneLineAndPadsShorterText() {
        ProgressBar bar = new ProgressBar("x", 4, out, true, () -> now);
        bar.update(1, "long suffix");
        bar.update(2, "skipped: too soon");
        now += TimeUnit.MILLISECONDS.toNanos(100);
        bar.update(2, "s");
        bar.finish(4, "");
        String first = "x [#####...............]  25% 1/4 long suffix";
        String second = "x [##########..........]  50% 2/4 s";
        String third = "x [####################] 100% 4/4";
        String expected = "\r" + first + "\r" + second + " ".repeat(first.length() - second.length())
                + "\r" + third + " ".repeat(second.length() - third.length()) + System.lineSeparator();
        assertEquals(expected, printed());
    }

    @Test
    void refusesAnEmptyTotalAndUpdatesAfterFinish() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressBar("x", 0, out, false, () -> now));
        ProgressBar bar = new ProgressBar("x", 1, out, false, () -> now);
        bar.finish(1, "");
        assertThrows(IllegalStateException.class, () -> bar.update(1, ""));
    }
}
