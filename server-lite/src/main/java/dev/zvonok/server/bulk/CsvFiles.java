package dev.zvonok.server.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as Excel and LibreOffice save it: UTF-8 with or without a byte order mark, fields separated by {@code ;} (what a
 * Russian Excel writes) or {@code ,} (an English one) or a tab, quoted where they hold a separator, a quote or a line
 * break. The separator is whichever of them the header row has most of.
 *
 * <p>A file that is not valid UTF-8 is read as Windows-1251: what a Russian Excel's plain "CSV" is, as opposed to its
 * "CSV UTF-8".
 */
final class CsvFiles {

    private static final char BOM = '\ufeff';
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    /** Written by the export: what a Russian Excel opens by a double click. */
    private static final char EXPORT_SEPARATOR = ';';

    private CsvFiles() {
    }

    static Sheet read(byte[] content) {
        String text = decode(content);
        if (!text.isEmpty() && text.charAt(0) == BOM) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(separator(text)).get();
        List<String> header = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                // a line break inside a quoted cell is a cell's line break (Excel's Alt+Enter), whichever the file uses
                List<String> cells = record.stream().map(cell -> cell.replace("\r\n", "\n")).toList();
                if (header == null) {
                    if (cells.stream().allMatch(String::isBlank)) {
                        continue;
                    }
                    header = cells;
                    continue;
                }
                Sheet.Row row = new Sheet.Row(number, cells);
                if (!row.isBlank()) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BulkFileException("not a CSV file: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new BulkFileException("the file is empty: the first row names the columns");
        }
        return new Sheet(header, rows);
    }

    static byte[] write(Sheet sheet) {
        StringWriter out = new StringWriter().append(BOM);
        CSVFormat format = CSVFormat.EXCEL.builder().setDelimiter(EXPORT_SEPARATOR).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            printer.printRecord(sheet.header());
            for (Sheet.Row row : sheet.rows()) {
                printer.printRecord(row.cells());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(content, WINDOWS_1251);
        }
    }

    /** The separator the first line uses most, outside quotes; {@code ;} when it has none (a single column). */
    static char separator(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return commas > semicolons ? ',' : ';';
    }
}
