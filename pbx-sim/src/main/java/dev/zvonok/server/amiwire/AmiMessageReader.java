package dev.zvonok.server.amiwire;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads AMI messages from a stream: lines up to a blank line make one message.
 *
 * <p>Bounded, because the other end may be hostile or broken: a block longer than {@link #MAX_LINES} lines or a line
 * longer than {@link #MAX_LINE_CHARS} is refused instead of eating the heap.
 */
public final class AmiMessageReader {

    public static final int MAX_LINES = 512;
    public static final int MAX_LINE_CHARS = 8192;

    private final BufferedReader in;

    public AmiMessageReader(InputStream in) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 16 * 1024);
    }

    /** The banner line Asterisk sends first, e.g. {@code Asterisk Call Manager/9.0.0}; null at end of stream. */
    public String readLine() throws IOException {
        String line = in.readLine();
        if (line != null && line.length() > MAX_LINE_CHARS) {
            throw new MalformedAmiMessageException("line longer than " + MAX_LINE_CHARS + " characters");
        }
        return line;
    }

    /** The next message, or null at the end of the stream. */
    public AmiMessage read() throws IOException {
        AmiMessage.Builder builder = null;
        int lines = 0;
        String line;
        while ((line = readLine()) != null) {
            if (line.isEmpty()) {
                if (builder != null) {
                    return builder.build();
                }
                continue;
            }
            if (++lines > MAX_LINES) {
                throw new MalformedAmiMessageException("message longer than " + MAX_LINES + " lines");
            }
            if (builder == null) {
                builder = AmiMessage.builder();
            }
            builder.addLine(line);
        }
        return builder == null ? null : builder.build();
    }
}
