package dev.zvonok.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The product is not the simulator. The fake Asterisk, its recorded traces and their format live in the module
 * pbx-sim, on server-lite's class path for its tests and benchmarks only; the commands built on them (demo, replay,
 * ami-replay) live in server-demo. Maven already keeps pbx-sim off server-lite's compile class path: this rule says so
 * where a reader of the code looks, and also catches a class of those packages put back into server-lite itself.
 */
@AnalyzeClasses(packages = "dev.zvonok.server",
        importOptions = {ImportOption.DoNotIncludeTests.class, SimulatorStaysOutTest.ServerLiteOnly.class})
class SimulatorStaysOutTest {

    /** pbx-sim's packages, and server-demo's replay: the simulated PBX and what drives it. */
    private static final String[] SIMULATOR = {
            "dev.zvonok.server.sim..", "dev.zvonok.server.pbx..", "dev.zvonok.server.amiwire..",
            "dev.zvonok.server.replay.."};

    @ArchTest
    static final ArchRule productionDoesNotUseTheSimulator = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(SIMULATOR)
            .orShould().resideInAnyPackage(SIMULATOR);

    /** server-lite's own classes: pbx-sim's, on the tests' class path, are the simulator itself. */
    static final class ServerLiteOnly implements ImportOption {

        private static final Pattern PBX_SIM = Pattern.compile(".*/pbx-sim[^/]*(/|\\.jar).*");

        @Override
        public boolean includes(Location location) {
            return !location.matches(PBX_SIM);
        }
    }
}
