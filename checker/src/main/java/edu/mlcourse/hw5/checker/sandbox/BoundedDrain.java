package edu.mlcourse.hw5.checker.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a process's stdout or stderr to its end on a daemon thread, keeping the first bytes and
 * counting the rest, so a flood neither blocks the process nor fills the grader's memory.
 */
final class BoundedDrain {
    private final byte[] kept;
    private int size;
    private long dropped;
    private final Thread thread;

    BoundedDrain(InputStream in, int limit, String name) {
        this.kept = new byte[limit];
        this.thread = new Thread(() -> drain(in), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (this) {
                    int take = Math.min(n, kept.length - size);
                    System.arraycopy(buffer, 0, kept, size, take);
                    size += take;
                    dropped += n - take;
                }
            }
        } catch (IOException e) {
            // The process ended; what was read is kept.
        }
    }

    /** Waits briefly for the stream to end, so that a dead process's last words are included. */
    String text(long waitMillis) {
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            String text = new String(kept, 0, size, StandardCharsets.UTF_8);
            return dropped > 0 ? text + "\n[... " + dropped + " more bytes not shown]" : text;
        }
    }
}
