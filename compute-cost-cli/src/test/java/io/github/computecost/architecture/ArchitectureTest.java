package io.github.computecost.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules (see {@code DESIGN.md}), checked on the compiled classes' real dependencies: the core
 * knows no service, a service knows no other, only the registry lists them, and no package cycles.
 */
class ArchitectureTest {

    static final String ROOT = "io.github.computecost";
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    /** The service folders: every registered service's package, so a new service is checked without naming it here. */
    static final List<String> SERVICES = io.github.computecost.estimate.Services.all().stream()
            .map(s -> s.resourceType().getPackageName().substring(ROOT.length() + 1)).distinct().sorted().toList();
    /** The core below the services: the exception, vocabulary, money, limits, helpers, the price book. */
    static final String[] BASE = {ROOT, p("money"), p("compute"), p("limits"), p("internal"), p("pricing")};
    /** The layers that use the services: the pipeline, the features and the front ends. */
    static final List<String> ABOVE_SERVICES = List.of("estimate", "spec", "compare", "budget", "report", "pricelist",
            "commitment", "rerate", "testing", "cli");

    static String p(String name) {
        return ROOT + "." + name + "..";
    }

    static String[] packages(List<String> names) {
        return names.stream().map(ArchitectureTest::p).toArray(String[]::new);
    }

    @Test
    void theCoreKnowsNoServiceNoFileFormatAndNoCommandLine() {
        List<String> above = new ArrayList<>(List.of("service"));
        above.addAll(SERVICES);
        above.addAll(ABOVE_SERVICES);
        noClasses().that().resideInAnyPackage(BASE).should().dependOnClassesThat()
                .resideInAnyPackage(packages(above)).because("the price book and its vocabulary serve every service")
                .check(CLASSES);
    }

    @Test
    void theServiceInterfaceKnowsNoService() {
        List<String> above = new ArrayList<>(SERVICES);
        above.addAll(ABOVE_SERVICES);
        noClasses().that().resideInAPackage(p("service")).should().dependOnClassesThat()
                .resideInAnyPackage(packages(above)).check(CLASSES);
    }

    @Test
    void aServiceKnowsNoOtherServiceAndNothingAboveIt() {
        for (String s : SERVICES) {
            List<String> others = new ArrayList<>(SERVICES);
            others.remove(s);
            others.addAll(ABOVE_SERVICES);
            noClasses().that().resideInAPackage(p(s)).should().dependOnClassesThat()
                    .resideInAnyPackage(packages(others)).because("a service lives in one folder").check(CLASSES);
        }
    }

    @Test
    void onlyTheRegistryNamesTheServices() {
        // The two comparisons that are about one service by nature (memory tuning of Lambda functions; Lambda@Edge
        // against CloudFront Functions) live in compare and use those services' types; nothing else does.
        noClasses().that().resideOutsideOfPackages(packages(SERVICES))
                .and().doNotHaveFullyQualifiedName(ROOT + ".estimate.Services")
                .and().doNotHaveFullyQualifiedName(ROOT + ".compare.MemoryTuning")
                .and().doNotHaveFullyQualifiedName(ROOT + ".compare.EdgeComparer")
                .and().doNotHaveFullyQualifiedName(ROOT + ".compare.EdgeComparison")
                .should().dependOnClassesThat().resideInAnyPackage(packages(SERVICES))
                .because("spec, compare, pricelist, rerate, the price book and the command line iterate the registry")
                .check(CLASSES);
    }

    @Test
    void theLibraryDoesNotUseTheCommandLineOrTheTestingHelpers() {
        noClasses().that().resideOutsideOfPackages(p("cli"), p("testing")).should().dependOnClassesThat()
                .resideInAnyPackage(p("cli"), p("testing")).check(CLASSES);
        noClasses().that().resideInAPackage(p("testing")).should().dependOnClassesThat().resideInAPackage(p("cli"))
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
