package dev.zvonok.model.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportReportJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void travelsWithLowerCaseOutcomesAndComesBackEqual() throws Exception {
        ImportReport report = new ImportReport("companies", true, false, 1, 0, 0, 1, List.of("shoe size"), List.of(
                new ImportReport.Row(2, "ООО Ромашка", ImportReport.Outcome.CREATED, List.of(), List.of()),
                new ImportReport.Row(3, "АО Вектор", ImportReport.Outcome.ERROR, List.of(),
                        List.of(new ImportReport.Problem("phones", "'abc' is not a phone number")))));

        String text = json.writeValueAsString(report);

        assertThat(text).contains("\"outcome\":\"created\"").contains("\"outcome\":\"error\"")
                .contains("\"column\":\"phones\"");
        assertThat(json.readValue(text, ImportReport.class)).isEqualTo(report);
    }
}
