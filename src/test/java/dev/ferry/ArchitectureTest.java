package dev.ferry;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's dependency direction, every arrow of it: product packages never use the harness, the harness's
 * packages (and the simulation's sub-packages) form no cycle, {@code report} and {@code cli} are read by nobody
 * below them, and product code takes time and execution from its constructor instead of reading the clock or
 * making threads.
 */
class ArchitectureTest {

    private static final String[] PRODUCT = {"dev.ferry.tracker..", "dev.ferry.migrate..", "dev.ferry.cluster..",
        "dev.ferry.api.."};
    private static final String[] HARNESS = {"dev.ferry.des..", "dev.ferry.model..", "dev.ferry.trace..",
        "dev.ferry.fit..", "dev.ferry.sim..", "dev.ferry.report..", "dev.ferry.cli.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ferry");

    @Test
    @DisplayName("product packages do not depend on harness packages")
    void productDoesNotUseHarness() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PRODUCT)
                .should().dependOnClassesThat().resideInAnyPackage(HARNESS)
                .allowEmptyShould(true);
        rule.check(CLASSES);
    }

    @Test
    @DisplayName("migrate owns its domain: no adapter type, no control-plane type and no fabric8 type reaches a decision")
    void migrateDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("dev.ferry.migrate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.cluster..", "dev.ferry.api..",
                        "io.fabric8..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the control plane builds on migrate's and tracker's ports and values only (and time)")
    void apiImportsMigrateAndTrackerOnly() {
        noClasses().that().resideInAPackage("dev.ferry.api..")
                .should().dependOnClassesThat(resideInAPackage("dev.ferry..")
                        .and(not(resideInAnyPackage("dev.ferry.api..", "dev.ferry.migrate..", "dev.ferry.tracker..",
                                "dev.ferry.time.."))))
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    @DisplayName("fabric8 is used by the Kubernetes adapter and the harness's mock clusters only")
    void fabric8StaysAtTheEdge() {
        // sim.kube runs the fake kubelet and API server on fabric8's mock servers and sim.migration.MockFederation
        // starts them; clients from a kubeconfig are the adapter's (KubeconfigFederation), not the commands'
        // sim.sweep.job builds a sweep's Indexed Job with the fabric8 model and writes it; it applies nothing
        noClasses().that().resideOutsideOfPackages("dev.ferry.cluster.kube..", "dev.ferry.sim.kube..",
                        "dev.ferry.sim.sweep.job..")
                .and().doNotHaveFullyQualifiedName("dev.ferry.sim.migration.MockFederation")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the time package depends on nothing else of Ferry")
    void timeIsTheRoot() {
        noClasses().that().resideInAPackage("dev.ferry.time..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.ferry.tracker..", "dev.ferry.migrate..", "dev.ferry.cluster..", "dev.ferry.api..",
                        "dev.ferry.des..", "dev.ferry.model..", "dev.ferry.trace..", "dev.ferry.fit..", "dev.ferry.sim..",
                        "dev.ferry.report..", "dev.ferry.cli..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("Ferry's top-level packages form no cycle")
    void topLevelPackagesFormNoCycle() {
        slices().matching("dev.ferry.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    @DisplayName("the simulation's sub-packages form no cycle")
    void simSubPackagesFormNoCycle() {
        slices().matching("dev.ferry.sim.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    @DisplayName("report reads results and only cli reads report: sim (the gate included) never imports it")
    void reportIsReadByCliOnly() {
        noClasses().that().resideOutsideOfPackages("dev.ferry.report..", "dev.ferry.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.ferry.report..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("report/compare reads run folders only: it knows no simulation or product type, only results files")
    void comparisonReadsFilesOnly() {
        noClasses().that().resideInAPackage("dev.ferry.report.compare..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.sim..", "dev.ferry.migrate..",
                        "dev.ferry.tracker..", "dev.ferry.cluster..", "dev.ferry.cli..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("report/sweep reads run folders only, as report/compare does: no simulation or product type")
    void sweepReportReadsFolders() {
        noClasses().that().resideInAPackage("dev.ferry.report.sweep..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.sim..", "dev.ferry.migrate..",
                        "dev.ferry.tracker..", "dev.ferry.cluster..", "dev.ferry.cli..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("report/html holds page pieces only: it knows no simulation, product or other report type")
    void htmlPagePiecesKnowNoDomain() {
        noClasses().that().resideInAPackage("dev.ferry.report.html..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.sim..", "dev.ferry.migrate..",
                        "dev.ferry.tracker..", "dev.ferry.cli..", "dev.ferry.report")
                .check(CLASSES);
    }

    @Test
    @DisplayName("cli is the top: nothing else imports the commands")
    void nothingImportsCli() {
        noClasses().that().resideOutsideOfPackage("dev.ferry.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.ferry.cli..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("trace, fit and model never import the simulation, report or cli")
    void traceFitAndModelSitBelowTheSimulation() {
        noClasses().that().resideInAnyPackage("dev.ferry.trace..", "dev.ferry.fit..", "dev.ferry.model..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.sim..", "dev.ferry.report..",
                        "dev.ferry.cli..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("fit reads traces and writes models, never the other way round: trace and model import no fit, "
            + "trace imports no model")
    void fitSitsAboveTraceAndModel() {
        noClasses().that().resideInAnyPackage("dev.ferry.trace..", "dev.ferry.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.ferry.fit..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.ferry.trace..")
                .should().dependOnClassesThat().resideInAPackage("dev.ferry.model..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("the discrete-event kernel imports no other harness package: only product code such as time")
    void desImportsNoHarness() {
        noClasses().that().resideInAPackage("dev.ferry.des..")
                .should().dependOnClassesThat(resideInAnyPackage(HARNESS).and(not(resideInAPackage("dev.ferry.des.."))))
                .check(CLASSES);
    }

    @Test
    @DisplayName("the workload configuration imports nothing of the simulation's runtime (migration, run, session, ...)")
    void workloadImportsNoSimulationRuntime() {
        noClasses().that().resideInAPackage("dev.ferry.sim.workload..")
                .should().dependOnClassesThat(resideInAPackage("dev.ferry.sim..")
                        .and(not(resideInAPackage("dev.ferry.sim.workload.."))))
                .check(CLASSES);
    }

    @Test
    @DisplayName("product code neither reads the clock nor sleeps nor makes executors or timers")
    void productTakesTimeFromItsConstructor() {
        noClasses().that().resideInAnyPackage(PRODUCT)
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(Thread.class, "sleep", long.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.Executors")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Timer")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ScheduledExecutorService")
                .check(CLASSES);
    }
}
