package dev.zvonok.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The wire contract is shared by both processes, so it may lean on nothing but the JDK and Jackson annotations; the one
 * exception is the phone rules, which are libphonenumber's and must be the very same code on both sides.
 */
@AnalyzeClasses(packages = "dev.zvonok.model", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAndJacksonAnnotations = classes()
            .that().resideOutsideOfPackage("dev.zvonok.model.phone..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.zvonok.model..", "java..", "com.fasterxml.jackson.annotation..");

    @ArchTest
    static final ArchRule phoneRulesLeanOnlyOnLibphonenumber = classes()
            .that().resideInAPackage("dev.zvonok.model.phone..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.zvonok.model.phone..", "java..", "com.google.i18n.phonenumbers..");

    @ArchTest
    static final ArchRule hasNoPackageCycles = slices().matching("dev.zvonok.model.(*)..").should().beFreeOfCycles();
}
