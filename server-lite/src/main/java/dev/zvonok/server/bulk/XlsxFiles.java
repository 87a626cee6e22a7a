package dev.zvonok.server.bulk;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * XLSX through fastexcel, read and written as a stream: the first sheet, its first non-blank row naming the columns.
 * Numbers come back as people typed them: an INN or a phone number Excel keeps as a number reads as its digits, not
 * as {@code 7.7012345E9}. The export writes every cell as text, so that Excel leaves the numbers alone.
 */
final class XlsxFiles {

    private XlsxFiles() {
    }

    static Sheet read(byte[] content) {
        if (ReadableWorkbook.isOLE2Header(content)) {
            throw new BulkFileException("an old Excel file (.xls): save it as .xlsx or CSV");
        }
        List<String> header = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
             Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                if (header == null) {
                    if (!cells.stream().allMatch(String::isBlank)) {
                        header = cells;
                    }
                    continue;
                }
                Sheet.Row read = new Sheet.Row(row.getRowNum(), cells);
                if (!read.isBlank()) {
                    rows.add(read);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BulkFileException("not a readable XLSX file: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new BulkFileException("the sheet is empty: the first row names the columns");
        }
        return new Sheet(header, rows);
    }

    static byte[] write(Sheet sheet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zvonok", "1.0");
            Worksheet ws = workbook.newWorksheet("Zvonok");
            for (int c = 0; c < sheet.header().size(); c++) {
                ws.value(0, c, sheet.header().get(c));
                ws.style(0, c).bold().set();
                ws.width(c, 24);
            }
            ws.freezePane(0, 1);
            int r = 1;
            for (Sheet.Row row : sheet.rows()) {
                for (int c = 0; c < row.cells().size(); c++) {
                    String value = row.cells().get(c);
                    if (!value.isEmpty()) {
                        ws.value(r, c, value);
                    }
                }
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> plain(cell.asNumber());
            case EMPTY -> "";
            case STRING -> cell.getText();
            // a formula's cached value; an error cell's code (#N/A) then fails the column it is in
            default -> cell.getRawValue() == null ? cell.getText() : cell.getRawValue();
        };
    }

    /** 7701234567, not 7.701234567E9; 12.5 stays 12.5. */
    private static String plain(BigDecimal number) {
        if (number == null) {
            return "";
        }
        BigDecimal stripped = number.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
