package io.kmsd.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency arrows of DESIGN "Modules" and STYLE "Layout and dependencies", checked on the compiled main
 * classes of every module: kms-core and kms-audit import no other project module; kms-policy imports only
 * kms-core's model packages; only kms-api sees Dropwizard, JAX-RS, Jersey or Jetty — and inside kms-api the
 * wire, auth, authz and operation packages stay free of them too.
 */
class ArchitectureTest {
    static final String[] HTTP_FRAMEWORKS = {"io.dropwizard..", "jakarta.ws.rs..", "org.glassfish.jersey..",
        "org.eclipse.jetty..", "jakarta.servlet.."};
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kmsd");
    }

    static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }

    @Test
    void everyModuleIsImportedAndTheRulesCanFail() {
        assertThat(classes.contain("io.kmsd.core.KeyService")).isTrue();
        assertThat(classes.contain("io.kmsd.api.wire.Blob")).isTrue();
        assertThatThrownBy(() -> noClasses().that().resideInAPackage("io.kmsd.api.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_FRAMEWORKS).check(classes))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void coreImportsNoOtherProjectModule() {
        check(noClasses().that().resideInAPackage("io.kmsd.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.api..", "io.kmsd.policy..", "io.kmsd.audit.."));
    }

    @Test
    void auditImportsNoOtherProjectModule() {
        check(noClasses().that().resideInAPackage("io.kmsd.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.api..", "io.kmsd.policy..", "io.kmsd.core.."));
    }

    @Test
    void policyImportsOnlyTheModelPackagesOfCore() {
        check(noClasses().that().resideInAPackage("io.kmsd.policy..")
                .should().dependOnClassesThat(resideInAnyPackage("io.kmsd.api..", "io.kmsd.audit..")
                        .or(resideInAPackage("io.kmsd.core..").and(not(resideInAnyPackage("io.kmsd.core.key..",
                                "io.kmsd.core.alias..", "io.kmsd.core.grant..", "io.kmsd.core.error.."))))));
    }

    @Test
    void onlyTheApiModuleSeesHttpFrameworks() {
        check(noClasses().that().resideInAnyPackage("io.kmsd.core..", "io.kmsd.policy..", "io.kmsd.audit..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_FRAMEWORKS));
    }

    @Test
    void wireAuthAuthzAndOperationsStayFreeOfHttp() {
        check(noClasses().that().resideInAnyPackage("io.kmsd.api.wire..", "io.kmsd.api.auth..", "io.kmsd.api.authz..",
                        "io.kmsd.api.operation..")
                .should().dependOnClassesThat().resideInAnyPackage(HTTP_FRAMEWORKS));
    }

    @Test
    void nothingOutsideTheErrorAndProtocolPackagesMapsExceptionsToResponses() {
        check(noClasses().that().resideOutsideOfPackages("io.kmsd.api.error..", "io.kmsd.api.protocol..")
                .should().implement(jakarta.ws.rs.ext.ExceptionMapper.class));
    }
}
