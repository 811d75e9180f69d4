package dev.concierge.personalization;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The core stays plain Java: adapters for the web, GraphQL, R2DBC and Redis live in {@code api/}.
 * Reactor's core types are allowed (ports return {@code Mono}/{@code Flux}); its Netty transport is
 * not.
 */
@AnalyzeClasses(packagesOf = ArchitectureTests.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule core_dependsOnNoFrameworkOrDriverTypes = noClasses()
            .that()
            .resideInAPackage("dev.concierge.personalization..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "org.springframework.data.redis..",
                    "graphql..",
                    "io.r2dbc..",
                    "io.lettuce..",
                    "reactor.netty..")
            .because("the core is plain Java; Spring, GraphQL, R2DBC and Lettuce belong in the api adapters")
            .allowEmptyShould(false);

    @ArchTest
    static final ArchRule featurePackages_haveNoCycles = slices().matching("dev.concierge.personalization.(*)..")
            .should()
            .beFreeOfCycles()
            .allowEmptyShould(false);
}
