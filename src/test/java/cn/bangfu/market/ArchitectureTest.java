package cn.bangfu.market;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Package by feature, with a small {@code common} that no feature's code flows back into. */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.bangfu.market");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("cn.bangfu.market.(*)..").should().beFreeOfCycles().check(SERVICE);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("cn.bangfu.market.common..")
                .should().dependOnClassesThat().resideOutsideOfPackages("cn.bangfu.market.common..", "java..",
                        "javax..", "jakarta..", "io.quarkus..", "io.smallrye..", "io.vertx..", "com.fasterxml..",
                        "org.jboss..", "org.hibernate..", "org.eclipse.microprofile..",
                        "com.github.benmanes.caffeine..")
                .check(SERVICE);
    }
}
