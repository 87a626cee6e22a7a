package dev.zvonok.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.call.ClientInfo;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import org.junit.jupiter.api.Test;

/** What a new card's client fields start from. */
class KnownClientTest {

    private static final CallerView DEALER = new CallerView(CallerKind.DEALER, "Дилер Самара-Юг Автоцентр Плюс",
            "ООО «Волга-Авто»");

    @Test
    void theLastCallsClientFieldsWinAndTheDirectoryFillsOnlyAMissingCompany() {
        ClientInfo anna = new ClientInfo("Анна", null, "Самара", null);

        assertThat(KnownClient.of(anna, DEALER))
                .isEqualTo(new ClientInfo("Анна", "Дилер Самара-Юг Автоцентр Плюс", "Самара", null));
        ClientInfo withCompany = new ClientInfo("Анна", "ИП Смирнова", null, null);
        assertThat(KnownClient.of(withCompany, DEALER)).isEqualTo(withCompany);
        assertThat(KnownClient.of(anna, CallerView.UNKNOWN)).isEqualTo(anna);
    }

    @Test
    void withoutEarlierClientFieldsTheDealerOrCompanyOfTheNumber() {
        assertThat(KnownClient.of(null, DEALER))
                .isEqualTo(new ClientInfo(null, "Дилер Самара-Юг Автоцентр Плюс", null, null));
        assertThat(KnownClient.of(ClientInfo.EMPTY, new CallerView(CallerKind.COMPANY, "ООО Ромашка", "ООО Ромашка")))
                .isEqualTo(new ClientInfo(null, "ООО Ромашка", null, null));
    }

    @Test
    void aColleagueOrAnUnknownNumberIsNoClient() {
        assertThat(KnownClient.of(null, new CallerView(CallerKind.USER, "Пётр Петров", null))).isNull();
        assertThat(KnownClient.of(null, CallerView.UNKNOWN)).isNull();
        assertThat(KnownClient.of(null, null)).isNull();
    }
}
