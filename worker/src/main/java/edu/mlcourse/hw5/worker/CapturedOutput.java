package edu.mlcourse.hw5.worker;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Where the student's {@code System.out} and {@code System.err} go inside the worker: the first
 * {@link #LIMIT} bytes since the last {@link #drain()} are kept, the rest only counted, so a
 * print loop costs memory for 10 KB and never reaches the channel to the grader.
 */
final class CapturedOutput extends OutputStream {
    static final int LIMIT = 10 * 1024;

    private final byte[] kept = new byte[LIMIT];
    private int size;
    private long dropped;

    static CapturedOutput install() {
        CapturedOutput capture = new CapturedOutput();
        PrintStream stream = new PrintStream(capture, true, StandardCharsets.UTF_8);
        System.setOut(stream);
        System.setErr(stream);
        return capture;
    }

    @Override
    public synchronized void write(int b) {
        if (size < LIMIT) {
            kept[size++] = (byte) b;
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int take = Math.max(0, Math.min(length, LIMIT - size));
        System.arraycopy(bytes, offset, kept, size, take);
        size += take;
        dropped += length - take;
    }

    /** What was printed since the last call, with a note of how much was cut, and starts afresh. */
    synchronized String drain() {
        String text = new String(kept, 0, size, StandardCharsets.UTF_8);
        if (dropped > 0) {
            // SandboxedRunner reads this note back to add up what was dropped: keep the two in step.
            text += "\n[... " + dropped + " more bytes of output not shown]\n";
        }
        size = 0;
        dropped = 0;
        return text;
    }
}
