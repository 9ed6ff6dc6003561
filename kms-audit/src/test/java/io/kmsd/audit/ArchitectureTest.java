package io.kmsd.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** kms-audit imports no other project module, and the read-only tools never reach the writer. */
class ArchitectureTest {
    static final JavaClasses AUDIT = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kmsd.audit");

    @Test
    void auditDependsOnNoOtherProjectModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.kmsd.core..", "io.kmsd.policy..",
                "io.kmsd.api..").check(AUDIT);
    }

    @Test
    void verifierAndSearchNeverUseTheWriter() {
        noClasses().that().resideInAnyPackage("io.kmsd.audit.verify..", "io.kmsd.audit.query..").should()
                .dependOnClassesThat().resideInAPackage("io.kmsd.audit.sink..").check(AUDIT);
    }

    @Test
    void eventModelAndFormatKnowNothingOfTheToolsOrTheWriter() {
        noClasses().that().resideInAnyPackage("io.kmsd.audit", "io.kmsd.audit.chain").should()
                .dependOnClassesThat().resideInAnyPackage("io.kmsd.audit.sink..", "io.kmsd.audit.verify..",
                        "io.kmsd.audit.query..").check(AUDIT);
    }
}
