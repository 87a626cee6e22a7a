package dev.zvonok.server.amiwire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A byte-exact recording of one AMI connection, as captured from a real Asterisk: the {@code NN-name.ami} file and,
 * when present, its {@code NN-name.timing.tsv} that tells when each message arrived.
 *
 * <p>Without a timing file the messages are cut at blank lines and all carry time 0 (played as fast as possible).
 */
public final class AmiTrace {

    public enum Kind { BANNER, RESPONSE, EVENT }

    /** One received message: when it arrived (ms since the recorder connected), its bytes, and its parsed form. */
    /** One received message; {@code message} is its parsed form, null only for the banner line. */
    public record Entry(long atMillis, Kind kind, String name, byte[] raw, AmiMessage message) {

        public String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private final String name;
    private final List<Entry> entries;

    private AmiTrace(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Loads {@code file} and the {@code .timing.tsv} beside it, if there is one. */
    public static AmiTrace load(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            Path timing = timingFileFor(file);
            String tsv = Files.exists(timing) ? Files.readString(timing, StandardCharsets.UTF_8) : null;
            return parse(baseName(file.getFileName().toString()), bytes, tsv);
        } catch (NoSuchFileException e) {
            throw new MalformedAmiMessageException("no such trace file: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
    }

    /** Loads a recording shipped on the class path, e.g. {@code /ami-traces/01-inbound-answered-caller-hangup.ami}. */
    public static AmiTrace loadResource(String resource) {
        try (InputStream ami = AmiTrace.class.getResourceAsStream(resource)) {
            if (ami == null) {
                throw new MalformedAmiMessageException("no such trace on the class path: " + resource);
            }
            String timingResource = resource.replaceFirst("\\.ami$", "") + ".timing.tsv";
            String tsv = null;
            try (InputStream timing = AmiTrace.class.getResourceAsStream(timingResource)) {
                if (timing != null) {
                    tsv = new String(timing.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            String fileName = resource.substring(resource.lastIndexOf('/') + 1);
            return parse(baseName(fileName), ami.readAllBytes(), tsv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + resource, e);
        }
    }

    /**
     * Cuts the bytes into messages: by the timing rows when given (they tile the file exactly), else at blank lines.
     *
     * @throws MalformedAmiMessageException when the timing does not match the bytes or a message does not parse
     */
    public static AmiTrace parse(String name, byte[] bytes, String timingTsv) {
        List<Entry> entries = timingTsv == null ? cutAtBlankLines(bytes) : cutByTiming(bytes, timingTsv);
        if (entries.isEmpty()) {
            throw new MalformedAmiMessageException("trace " + name + " holds no AMI message");
        }
        return new AmiTrace(name, entries);
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }

    public static Path timingFileFor(Path amiFile) {
        return amiFile.resolveSibling(baseName(amiFile.getFileName().toString()) + ".timing.tsv");
    }

    private static String baseName(String fileName) {
        return fileName.endsWith(".ami") ? fileName.substring(0, fileName.length() - 4) : fileName;
    }

    private static List<Entry> cutByTiming(byte[] bytes, String tsv) {
        List<Entry> entries = new ArrayList<>();
        long expectedOffset = 0;
        String[] rows = tsv.split("\r?\n");
        for (int row = 1; row < rows.length; row++) { // row 0 is the header
            if (rows[row].isBlank()) {
                continue;
            }
            String[] cells = rows[row].split("\t");
            if (cells.length < 5) {
                throw new MalformedAmiMessageException("timing row " + row + " has " + cells.length + " cells, 5 expected");
            }
            long atMillis;
            int offset;
            int length;
            try {
                atMillis = Long.parseLong(cells[0]);
                offset = Integer.parseInt(cells[3]);
                length = Integer.parseInt(cells[4]);
            } catch (NumberFormatException e) {
                throw new MalformedAmiMessageException("timing row " + row + " is not numeric: " + rows[row], e);
            }
            if (offset != expectedOffset || offset + (long) length > bytes.length || length <= 0) {
                throw new MalformedAmiMessageException("timing row " + row + " does not tile the trace at byte " + offset);
            }
            byte[] raw = Arrays.copyOfRange(bytes, offset, offset + length);
            entries.add(entry(atMillis, raw));
            expectedOffset = offset + (long) length;
        }
        if (expectedOffset != bytes.length) {
            throw new MalformedAmiMessageException("timing covers " + expectedOffset + " of " + bytes.length + " bytes");
        }
        return entries;
    }

    private static List<Entry> cutAtBlankLines(byte[] bytes) {
        List<Entry> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            boolean bannerEnd = entries.isEmpty() && start == 0 && bytes[i] == '\n' && startsWithBanner(bytes);
            boolean blockEnd = bytes[i] == '\n' && endsWithBlankLine(bytes, i);
            if (bannerEnd || blockEnd) {
                entries.add(entry(0, Arrays.copyOfRange(bytes, start, i + 1)));
                start = i + 1;
            }
        }
        if (start < bytes.length && !new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8).isBlank()) {
            entries.add(entry(0, Arrays.copyOfRange(bytes, start, bytes.length)));
        }
        return entries;
    }

    private static boolean startsWithBanner(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 32), StandardCharsets.US_ASCII);
        return head.startsWith("Asterisk Call Manager/");
    }

    /** True when the newline at {@code i} closes an empty line ("\n\n" or "\r\n\r\n"). */
    private static boolean endsWithBlankLine(byte[] bytes, int i) {
        if (i >= 1 && bytes[i - 1] == '\n') {
            return true;
        }
        return i >= 3 && bytes[i - 1] == '\r' && bytes[i - 2] == '\n' && bytes[i - 3] == '\r';
    }

    private static Entry entry(long atMillis, byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        if (text.startsWith("Asterisk Call Manager/")) {
            return new Entry(atMillis, Kind.BANNER, text.strip(), raw, null);
        }
        AmiMessage message = AmiMessage.parse(text);
        if (message.event() != null) {
            return new Entry(atMillis, Kind.EVENT, message.event(), raw, message);
        }
        if (message.response() != null) {
            return new Entry(atMillis, Kind.RESPONSE, message.response(), raw, message);
        }
        throw new MalformedAmiMessageException("neither an Event nor a Response: " + text.lines().findFirst().orElse(""));
    }
}
