package io.kmsd.core.grant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the grant packages' package-info files, enforced. */
class GrantArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kmsd.core");

    @Test
    void theGrantModelImportsOnlyModelPackages() { // kms-policy imports it
        noClasses().that().resideInAPackage("io.kmsd.core.grant").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core", "io.kmsd.core.crypto..", "io.kmsd.core.store..",
                        "io.kmsd.core.lifecycle..", "io.kmsd.core.grant.token..", "io.kmsd.core.grant.store..",
                        "io.kmsd.core.grant.service..")
                .check(CORE);
    }

    @Test
    void tokensKnowNothingOfStorageLifecycleOrTheService() {
        noClasses().that().resideInAPackage("io.kmsd.core.grant.token").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core", "io.kmsd.core.store..", "io.kmsd.core.lifecycle..",
                        "io.kmsd.core.grant.store..", "io.kmsd.core.grant.service..")
                .check(CORE);
    }

    @Test
    void theGrantStorePortImportsOnlyModelPackages() {
        noClasses().that().resideInAPackage("io.kmsd.core.grant.store").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core", "io.kmsd.core.crypto..", "io.kmsd.core.store.jdbc..",
                        "io.kmsd.core.lifecycle..", "io.kmsd.core.grant.token..", "io.kmsd.core.grant.service..")
                .check(CORE);
    }

    @Test
    void theServiceUsesThePortsNotJdbcOrTheKeyLifecycle() {
        noClasses().that().resideInAPackage("io.kmsd.core.grant.service").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core.store.jdbc..", "io.kmsd.core.lifecycle..", "io.kmsd.core.crypto..",
                        "java.sql..", "javax.sql..")
                .check(CORE);
    }

    @Test
    void storageKnowsNothingOfTokensOrTheGrantService() {
        noClasses().that().resideInAPackage("io.kmsd.core.store..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core.grant.token..", "io.kmsd.core.grant.service..")
                .check(CORE);
    }
}
