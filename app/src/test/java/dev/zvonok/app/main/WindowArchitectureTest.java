package dev.zvonok.app.main;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The window's rules, kept by the build: view-models know no nodes, and the screens need no network classes. */
class WindowArchitectureTest {

    private static final String[] WINDOW = {"dev.zvonok.app.login..", "dev.zvonok.app.history..",
            "dev.zvonok.app.main..", "dev.zvonok.app.settings..", "dev.zvonok.app.admin..", "dev.zvonok.app.stats.."};

    private final JavaClasses app = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.zvonok.app");

    @Test
    void viewModelsKnowNoNodesAndNoToolkit() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..", "javafx.animation..", "java.awt..")
                .because("a view-model is tested without an FX thread, and only its view knows the nodes")
                .check(app);
    }

    @Test
    void theScreensTalkToTheServerOnlyThroughTheirOwnInterfaces() {
        noClasses().that().resideInAnyPackage(WINDOW)
                .should().dependOnClassesThat().resideInAnyPackage("dev.zvonok.app.server..",
                        "dev.zvonok.app.card..", "dev.zvonok.app.notes..", "org.glassfish.tyrus..",
                        "java.net.http..")
                .because("the integrator implements Authenticator, CallHistorySource, StatsSource, Dialer and Reconnector")
                .check(app);
    }

    @Test
    void theAppsPackagesHaveNoCycles() {
        slices().matching("dev.zvonok.app.(*)..").should().beFreeOfCycles().check(app);
    }
}
