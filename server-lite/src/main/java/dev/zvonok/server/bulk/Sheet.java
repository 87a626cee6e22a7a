package dev.zvonok.server.bulk;

import java.util.List;

/**
 * A spreadsheet as an import reads it and an export writes it: the header row, then the data rows, all text.
 *
 * @param header the first row's cells
 * @param rows   the data rows, blank rows left out
 */
public record Sheet(List<String> header, List<Row> rows) {

    public Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param number the row's number as a spreadsheet shows it: the header is row 1
     */
    public record Row(int number, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell in this column, "" past the row's end. */
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }
}
