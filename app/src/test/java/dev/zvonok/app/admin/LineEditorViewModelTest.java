package dev.zvonok.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zvonok.model.admin.AdminError;
import dev.zvonok.model.admin.AdminLine;
import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.LineRequest;
import dev.zvonok.model.phone.PhoneNumbers;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineEditorViewModelTest {

    private final FakeAdministration server = new FakeAdministration();
    private final LineEditorViewModel vm = new LineEditorViewModel(server, PhoneNumbers.russian(), Runnable::run,
            line -> { }, () -> { });

    @Test
    void anIncomingNumberMustBeWholeAQueueNeedNot() {
        vm.create();
        vm.number().valueProperty().set("333-22-11");
        assertThat(vm.number().problemProperty().get()).isEqualTo(Message.of("admin.problem.wholeNumber"));

        vm.kindProperty().set(AdminRules.QUEUE);
        assertThat(vm.number().problemProperty().get()).as("a queue's name in the PBX").isNull();

        vm.kindProperty().set(AdminRules.DID);
        vm.number().valueProperty().set("8 (495) 123-45-67");
        assertThat(vm.number().problemProperty().get()).isNull();
        assertThat(vm.normalizedProperty().get()).isEqualTo("+7 495 123-45-67");
    }

    @Test
    void aNewLineIsSentWithItsSource() {
        vm.create();
        vm.number().valueProperty().set("8 (495) 123-45-67");
        vm.name().valueProperty().set("Реклама на радио");
        vm.source().valueProperty().set("РК-17");

        vm.save();

        assertThat(server.last("create lines").argument()).isEqualTo(new LineRequest(AdminRules.DID,
                "8 (495) 123-45-67", "Реклама на радио", "РК-17", null, null));
    }

    @Test
    void aLineIsEditedWithItsNumberAsTheServerNormalisedIt() {
        AdminLine line = new AdminLine(8, AdminRules.DID, "84951234567", "+74951234567", "Сайт", null, null, null);
        vm.edit(line);
        assertThat(vm.number().text()).isEqualTo("+7 495 123-45-67");
        assertThat(vm.name().problemProperty().get()).isNull();

        vm.name().valueProperty().set("");
        assertThat(vm.name().problemProperty().get()).isEqualTo(Message.of("admin.problem.required"));
        vm.name().valueProperty().set("Сайт, форма");
        vm.save();

        FakeAdministration.Update sent = (FakeAdministration.Update) server.last("update lines").argument();
        assertThat(sent.request()).isEqualTo(new LineRequest(AdminRules.DID, "+7 495 123-45-67", "Сайт, форма",
                null, null, null));
    }

    @Test
    void aTakenNumberNamesTheLineThatHasIt() {
        vm.create();
        vm.number().valueProperty().set("8 (495) 123-45-67");
        vm.name().valueProperty().set("Дубль");
        vm.save();
        server.last().refuse(409, "number", "taken", new AdminError.Owner("line", 8, "Сайт"));

        assertThat(vm.number().problemProperty().get()).isEqualTo(Message.of("admin.problem.taken.line", "Сайт"));
    }
}
