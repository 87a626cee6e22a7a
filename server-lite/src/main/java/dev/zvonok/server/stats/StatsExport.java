package dev.zvonok.server.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A statistics answer as a table for a spreadsheet, made from its JSON so that the file holds the very same numbers:
 * a list (buckets, operators, numbers to call back) is a row per element with a column per field (nested fields as
 * {@code inbound.total}); a summary is a row per figure, {@code figure,value}.
 */
final class StatsExport {

    /** A table's header and rows; a cell is text, a number or empty (null). */
    record Table(List<String> header, List<List<Object>> rows) {
    }

    private StatsExport() {
    }

    /** The elements of the array {@code field} of {@code answer}, one row each. */
    static Table rows(ObjectMapper json, Object answer, String field) {
        JsonNode list = json.valueToTree(answer).get(field);
        List<Map<String, JsonNode>> flat = new ArrayList<>();
        list.forEach(element -> flat.add(flatten(element)));
        List<String> header = new ArrayList<>();
        flat.forEach(row -> row.keySet().stream().filter(k -> !header.contains(k)).forEach(header::add));
        List<List<Object>> rows = new ArrayList<>();
        for (Map<String, JsonNode> row : flat) {
            List<Object> cells = new ArrayList<>();
            header.forEach(column -> cells.add(cell(row.get(column))));
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    /** Every figure of {@code answer}, one row each. */
    static Table figures(ObjectMapper json, Object answer) {
        List<List<Object>> rows = new ArrayList<>();
        flatten(json.valueToTree(answer)).forEach((name, value) -> rows.add(List.of(name, cellOrEmpty(value))));
        return new Table(List.of("figure", "value"), rows);
    }

    /** RFC 4180: comma-separated, CRLF, quoted where needed; UTF-8 with a BOM so that Excel reads Cyrillic right. */
    static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\ufeff");
        line(out, new ArrayList<>(table.header()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Zvonok", "1.0");
            Worksheet ws = workbook.newWorksheet("Zvonok");
            for (int c = 0; c < table.header().size(); c++) {
                ws.value(0, c, table.header().get(c));
                ws.style(0, c).bold().set();
            }
            int r = 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        ws.value(r, c, number);
                    } else if (value != null && !value.toString().isEmpty()) {
                        ws.value(r, c, value.toString());
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

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String text = cell == null ? "" : cell.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            out.append(text);
        }
        out.append("\r\n");
    }

    private static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (!node.isArray()) {
            flat.put(prefix, node);
        }
    }

    private static Object cellOrEmpty(JsonNode value) {
        Object cell = cell(value);
        return cell == null ? "" : cell;
    }

    private static Object cell(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isNumber() ? value.numberValue() : value.asText();
    }
}
