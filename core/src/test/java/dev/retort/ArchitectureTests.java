package dev.retort;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package arrows of STYLE.md: the graph is pure, lower layers never reach up, core never touches Spring. */
class ArchitectureTests {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.retort");

    @Test
    void graphDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.retort.graph..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.retort.graph..", "java..")
                .check(CORE);
    }

    @Test
    void schemaModelDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("dev.retort.schema..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.retort.schema..", "java..")
                .check(CORE);
    }

    @Test
    void operationsKnowOnlyTheSchemaModel() {
        noClasses().that().resideInAPackage("dev.retort.ops..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.retort.ops..", "dev.retort.schema..",
                        "java..")
                .check(CORE);
    }

    @Test
    void autogenerateComputesAndRendersButRunsNothing() {
        noClasses().that().resideInAPackage("dev.retort.autogenerate..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.runtime..", "dev.retort.script..",
                        "dev.retort.graph..", "java.sql..")
                .check(CORE);
    }

    @Test
    void graphNeverOpensFilesOrConnections() {
        noClasses().that().resideInAPackage("dev.retort.graph..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.sql..", "java.net..")
                .check(CORE);
    }

    @Test
    void scriptsKnowTheGraphButNotTheRuntimeOrDialects() {
        noClasses().that().resideInAPackage("dev.retort.script..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.runtime..", "dev.retort.dialect..")
                .check(CORE);
    }

    @Test
    void dialectsStateFactsAndDontKnowGraphsOrScripts() {
        noClasses().that().resideInAPackage("dev.retort.dialect..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.retort.graph..", "dev.retort.script..",
                        "dev.retort.runtime..")
                .check(CORE);
    }

    @Test
    void lowerLayersNeverReachUpToTheCommands() {
        noClasses().that().resideInAnyPackage("dev.retort.graph..", "dev.retort.script..", "dev.retort.dialect..",
                        "dev.retort.runtime..", "dev.retort.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.retort")
                .check(CORE);
    }

    @Test
    void coreUsesNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CORE);
    }
}
