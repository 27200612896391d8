package io.leadexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package layering written down in the {@code package-info.java} files: a package uses only the packages below
 * it, so there are no import cycles, and the root package (the application) is used by none.
 */
class ArchitectureTest {

    /** Bottom to top: each package may use only those listed before it. */
    static final List<String> LAYERS = List.of("database", "request", "query", "record", "format", "audit", "security",
            "export", "deliver", "job", "history", "trigger", "retention", "preset", "web");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.leadexport");

    @Test
    void everyClassLivesInALayer() {
        Set<String> packages = new TreeSet<>();
        for (JavaClass type : CLASSES) {
            String name = type.getPackageName();
            if (!name.equals("io.leadexport")) {
                packages.add(name.substring("io.leadexport.".length()).split("\\.")[0]);
            }
        }
        assertThat(packages).containsExactlyInAnyOrderElementsOf(LAYERS);
    }

    @Test
    void packagesUseOnlyThePackagesBelowThem() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("application").definedBy("io.leadexport");
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy("io.leadexport." + layer + "..");
        }
        layers = layers.whereLayer("application").mayNotBeAccessedByAnyLayer();
        for (int i = 0; i < LAYERS.size(); i++) {
            List<String> above = new ArrayList<>(LAYERS.subList(i + 1, LAYERS.size()));
            above.add("application");
            layers = layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
        }
        layers.check(CLASSES);
    }

    @Test
    void noImportCycles() {
        slices().matching("io.leadexport.(*)..").should().beFreeOfCycles().check(CLASSES);
        noClasses().that().resideOutsideOfPackage("io.leadexport")
                .should().dependOnClassesThat().resideInAPackage("io.leadexport")
                .check(CLASSES);
    }

    /** {@code ref: exportSteps} in a route is the class {@code ExportSteps}, or a {@code @Bean exportSteps()} method. */
    @Test
    void aRouteStepsBeanNameNamesItsClass() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern ref = Pattern.compile("(?:ref|Ref): ([a-zA-Z]+)|\"#([a-zA-Z]+)\"");
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher matcher = ref.matcher(Files.readString(file));
                while (matcher.find()) {
                    names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                }
            }
        }
        assertThat(names).isNotEmpty();
        for (String name : names) {
            String className = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            boolean component = CLASSES.stream().anyMatch(type -> type.getSimpleName().equals(className)
                    && type.tryGetAnnotationOfType(Component.class).map(c -> c.value().equals(name)).orElse(false));
            boolean beanMethod = CLASSES.stream().flatMap(type -> type.getMethods().stream())
                    .anyMatch(method -> method.getName().equals(name) && method.isAnnotatedWith(Bean.class));
            assertThat(component || beanMethod)
                    .as("the bean '%s' of a route is the class %s (@Component(\"%s\")) or a @Bean method %s()",
                            name, className, name, name)
                    .isTrue();
        }
    }
}
