package io.kmsd.api.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit wiring's arrows (package-info files): the hook and the commands stay free of HTTP frameworks; the
 * protocol layer knows only its own hook, not kms-audit; the commands only read the trail, never open the sink.
 */
class AuditArchitectureTest {
    static final String[] HTTP_FRAMEWORKS = {"jakarta.ws.rs..", "org.glassfish.jersey..", "org.eclipse.jetty..",
        "jakarta.servlet.."};
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kmsd.api");
    }

    @Test
    void theAuditHookSeesNoHttpAndNoDropwizard() {
        noClasses().that().resideInAPackage("io.kmsd.api.audit..").should().dependOnClassesThat()
                .resideInAnyPackage(HTTP_FRAMEWORKS).orShould().dependOnClassesThat().resideInAPackage("io.dropwizard..")
                .check(classes);
    }

    @Test
    void theProtocolLayerDoesNotKnowKmsAudit() {
        noClasses().that().resideInAPackage("io.kmsd.api.protocol..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.audit..", "io.kmsd.api.audit..").check(classes);
    }

    @Test
    void theAuditCommandsNeverOpenTheWriter() {
        noClasses().that().resideInAPackage("io.kmsd.api.cli.audit..").should().dependOnClassesThat()
                .haveFullyQualifiedName("io.kmsd.audit.sink.FileAuditSink").orShould().callMethod(
                        io.kmsd.audit.sink.AuditSinks.class, "open", java.nio.file.Path.class,
                        io.kmsd.audit.AuditConfig.class, java.time.Clock.class)
                .check(classes);
    }
}
