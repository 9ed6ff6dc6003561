package io.kmsd.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The package rules of the package-info files and STYLE "Layout and dependencies", enforced. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.kmsd.core");

    @Test
    void coreImportsNoOtherProjectModule() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.api..", "io.kmsd.policy..", "io.kmsd.audit..").check(CORE);
    }

    @Test
    void modelPackagesImportOnlyModelPackages() {
        noClasses().that().resideInAnyPackage("io.kmsd.core.key", "io.kmsd.core.alias", "io.kmsd.core.error")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.core", "io.kmsd.core.crypto..",
                        "io.kmsd.core.store..", "io.kmsd.core.lifecycle..")
                .check(CORE);
    }

    @Test
    void cryptoKnowsNothingOfStorageOrLifecycle() {
        noClasses().that().resideInAPackage("io.kmsd.core.crypto").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core.store..", "io.kmsd.core.lifecycle..").check(CORE);
    }

    @Test
    void storageKnowsNothingOfCryptoOrLifecycle() {
        noClasses().that().resideInAPackage("io.kmsd.core.store..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core.crypto..", "io.kmsd.core.lifecycle..").check(CORE);
    }

    @Test
    void nothingBelowTheFacadeKnowsHttp() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("jakarta.ws.rs..", "javax.ws.rs..", "io.dropwizard..", "org.eclipse.jetty..")
                .check(CORE);
    }
}
