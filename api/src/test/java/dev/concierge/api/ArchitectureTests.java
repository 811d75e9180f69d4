package dev.concierge.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The application's packages form no cycles, and features reach the core only through its API. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.concierge.api");
    }

    @Test
    void featurePackages_haveNoCycles() {
        slices().matching("dev.concierge.api.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingButTheApplication_dependsOnTheEmbeddedServers() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.concierge.api.embedded..", "dev.concierge.api")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.concierge.api.embedded..")
                .check(classes);
    }
}
