package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminCompany;
import dev.zvonok.model.admin.AdminDealer;
import dev.zvonok.model.admin.AdminPage;
import dev.zvonok.model.admin.AdminPhone;
import dev.zvonok.model.admin.DealerRequest;
import dev.zvonok.model.api.Pagination;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class DealerEditorViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final DealerEditorViewModel vm = new DealerEditorViewModel(server, PhoneNumbers.russian(), Runnable::run,
            dealer -> { }, () -> { });

    private static AdminCompany company(long id, String name) {
        return new AdminCompany(id, name, null, null, null, List.of());
    }

    private void companies(AdminCompany... found) {
        vm.refreshChoices();
        server.last("companies").answer(new AdminPage<>(List.of(found), new Pagination(1, 200, found.length, 1)));
    }

    @Test
    void theCompaniesToChooseFromComeByNameFromTheServer() {
        companies(company(1, "Альфа"), company(2, "Бета"));

        ListQuery asked = (ListQuery) server.last("companies").argument();
        assertThat(asked.sort()).isEqualTo(Sort.ascending(SortKey.COMPANY_NAME));
        assertThat(asked.limit()).isEqualTo(200);
        assertThat(vm.companies()).extracting(AdminCompany::name).containsExactly("Альфа", "Бета");
    }

    @Test
    void aNewDealerIsSentWithItsChosenCompany() {
        companies(company(1, "Альфа"), company(2, "Бета"));
        vm.create();
        vm.name().valueProperty().set("Авто-Плюс");
        vm.companyProperty().set(vm.companies().get(1));
        vm.phones().add().number().valueProperty().set("89275551234");

        vm.save();

        assertThat(server.last("create dealers").argument()).isEqualTo(new DealerRequest("Авто-Плюс", 2L, null,
                null, List.of(AdminPhone.of("89275551234"))));
    }

    @Test
    void anIndependentDealerHasNoCompany() {
        vm.create();
        vm.name().valueProperty().set("Сам по себе");
        vm.save();

        assertThat(((DealerRequest) server.last("create dealers").argument()).companyId()).isNull();
    }

    @Test
    void aDealersCompanyBeyondTheChoicesJoinsThemAndAChangeOfItIsUnsaved() {
        companies(company(1, "Альфа"));
        AdminDealer dealer = new AdminDealer(4, "Авто-Плюс", 77L, "Дальняя", "Самара", null,
                List.of(new AdminPhone("89275551234", "+79275551234", null, null)));

        vm.edit(dealer);

        assertThat(vm.companyProperty().get().name()).isEqualTo("Дальняя");
        assertThat(vm.companies()).extracting(AdminCompany::id).containsExactly(1L, 77L);
        assertThat(vm.phones().rows().getFirst().number().text()).isEqualTo("+7 927 555-12-34");
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.companyProperty().set(null);
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.save();
        FakeAdministration.Update sent = (FakeAdministration.Update) server.last("update dealers").argument();
        assertThat(sent.id()).isEqualTo(4);
        assertThat(((DealerRequest) sent.request()).companyId()).isNull();
    }

    @Test
    void aRefusedCompanyIsTheFormsProblem() {
        vm.create();
        vm.name().valueProperty().set("Авто-Плюс");
        vm.save();
        server.last().refuse(400, "companyId", "no company 9", null);

        assertThat(vm.problemProperty().get()).isEqualTo(Message.of("admin.problem.server", "no company 9"));
    }
}
