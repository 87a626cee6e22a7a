package dev.zvonok.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layout is the architecture: these rules keep it so. */
@AnalyzeClasses(packages = "dev.zvonok.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("dev.zvonok.server.(*)..")
            .should().beFreeOfCycles();

    /** The tracker is pure: events in, events out; no sockets, no database, no AMI library, no wiring. */
    @ArchTest
    static final ArchRule trackingIsPure = noClasses()
            .that().resideInAPackage("dev.zvonok.server.tracking..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.asteriskjava..", "org.jooq..", "java.net..", "java.sql..", "javax.sql..",
                    "dev.zvonok.server.ami..", "dev.zvonok.server.calls..", "dev.zvonok.server.db..",
                    "dev.zvonok.server.pbx..", "dev.zvonok.server.sim..", "dev.zvonok.server.cli..");

    /**
     * asterisk-java stays at the edge: only the AMI connection and its mapper know it, and each feature's own AMI
     * adapter (the queues' events and QueuePause) in a package of its own named so.
     */
    @ArchTest
    static final ArchRule asteriskJavaOnlyAtTheEdge = noClasses()
            .that().resideOutsideOfPackages("dev.zvonok.server.ami..", "dev.zvonok.server..ami..")
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..");

    /**
     * SQL goes through jOOQ from the packages that own tables (auth: refresh tokens, its secret; audit: its log;
     * workstatus: its log; callbacks: the numbers given to call back; dialfailures: the click-to-call failures not yet
     * acknowledged) or read them for a feature of their own (stats: the figures over the calls).
     */
    @ArchTest
    static final ArchRule sqlOnlyInPersistence = noClasses()
            .that().resideOutsideOfPackages("dev.zvonok.server.db..", "dev.zvonok.server.directory..",
                    "dev.zvonok.server.calls..", "dev.zvonok.server.auth..", "dev.zvonok.server.audit..",
                    "dev.zvonok.server.workstatus..", "dev.zvonok.server.stats..", "dev.zvonok.server.callbacks..",
                    "dev.zvonok.server.dialfailures..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "java.sql..");
}
