package io.kmsd.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md dependency arrows for kms-policy, and the layering of its own packages. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.kmsd.policy");
    }

    @Test
    void policyNeverSeesHttpJaxRsOrDropwizard() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.dropwizard..", "javax.ws.rs..",
                "jakarta.ws.rs..", "jakarta.servlet..", "org.glassfish..", "org.eclipse.jetty..").check(classes);
    }

    @Test
    void policyUsesOnlyTheModelPackagesOfCore() {
        DescribedPredicate<JavaClass> coreOutsideTheModel = JavaClass.Predicates.resideInAPackage("io.kmsd.core..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("io.kmsd.core.key",
                        "io.kmsd.core.alias", "io.kmsd.core.grant", "io.kmsd.core.error")));
        noClasses().should().dependOnClassesThat(coreOutsideTheModel).check(classes);
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.kmsd.api..", "io.kmsd.audit..")
                .check(classes);
    }

    @Test
    void theEngineDoesNotDependOnItsConsumers() {
        noClasses().that().resideInAnyPackage("io.kmsd.policy.actions..", "io.kmsd.policy.condition..",
                "io.kmsd.policy.principal..", "io.kmsd.policy.grants..", "io.kmsd.policy.document..",
                "io.kmsd.policy.request..", "io.kmsd.policy.eval..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.policy.explain..", "io.kmsd.policy.template..",
                        "io.kmsd.policy.testing..", "io.kmsd.policy.lint..", "io.kmsd.policy.diff..",
                        "io.kmsd.policy.cedar..").check(classes);
    }

    @Test
    void onlyTheCedarPackageUsesCedar() {
        noClasses().that().resideOutsideOfPackage("io.kmsd.policy.cedar..").should().dependOnClassesThat()
                .resideInAPackage("com.cedarpolicy..").check(classes);
    }

    @Test
    void theToolsDoNotDependOnEachOther() {
        noClasses().that().resideInAnyPackage("io.kmsd.policy.lint..", "io.kmsd.policy.diff..",
                "io.kmsd.policy.explain..", "io.kmsd.policy.template..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.policy.testing..", "io.kmsd.policy.cedar..")
                .check(classes);
        noClasses().that().resideInAnyPackage("io.kmsd.policy.lint..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.policy.diff..", "io.kmsd.policy.eval..").check(classes);
    }

    @Test
    void lowLevelPackagesStayLowLevel() {
        noClasses().that().resideInAnyPackage("io.kmsd.policy.condition..", "io.kmsd.policy.principal..",
                "io.kmsd.policy.grants..", "io.kmsd.policy.actions..")
                .should().dependOnClassesThat().resideInAnyPackage("io.kmsd.policy.document..", "io.kmsd.policy.request..",
                        "io.kmsd.policy.eval..").check(classes);
        noClasses().that().resideInAPackage("io.kmsd.policy.document..").should().dependOnClassesThat()
                .resideInAnyPackage("io.kmsd.policy.request..", "io.kmsd.policy.eval..").check(classes);
    }
}
