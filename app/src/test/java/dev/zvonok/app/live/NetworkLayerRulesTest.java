package dev.zvonok.app.live;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The networking and note-safety layer stays below the UI: no JavaFX in {@code server}, {@code live} and
 * {@code notes} (listeners are called on their own threads; the UI makes the one hop to the FX thread), and no
 * package cycles among them ({@code notes} → {@code live} → {@code server}).
 */
class NetworkLayerRulesTest {

    private static final JavaClasses APP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zvonok.app");

    @Test
    void noJavaFxBelowTheViews() {
        noClasses().that().resideInAnyPackage("dev.zvonok.app.server..", "dev.zvonok.app.live..",
                        "dev.zvonok.app.notes..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(APP);
    }

    @Test
    void theLayerDoesNotReachUpIntoTheUi() {
        noClasses().that().resideInAnyPackage("dev.zvonok.app.server..", "dev.zvonok.app.live..",
                        "dev.zvonok.app.notes..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.zvonok.app.fx..", "dev.zvonok.app.i18n..")
                .check(APP);
    }

    @Test
    void noCyclesBetweenServerLiveAndNotes() {
        slices().matching("dev.zvonok.app.(server|live|notes)..").should().beFreeOfCycles().check(APP);
    }
}
