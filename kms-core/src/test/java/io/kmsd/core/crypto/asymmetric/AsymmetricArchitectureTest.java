package io.kmsd.core.crypto.asymmetric;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The import rule of this package's package-info, enforced. */
class AsymmetricArchitectureTest {
    private static final JavaClasses PACKAGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kmsd.core.crypto.asymmetric");

    @Test
    void importsOnlyKeyErrorCryptoValuesBouncyCastleAndTheJdk() {
        classes().that().resideInAPackage("io.kmsd.core.crypto.asymmetric").should().onlyDependOnClassesThat()
                .resideInAnyPackage("io.kmsd.core.crypto.asymmetric", "io.kmsd.core.crypto", "io.kmsd.core.key",
                        "io.kmsd.core.error", "org.bouncycastle..", "java..", "javax.crypto..")
                .check(PACKAGE);
    }
}
