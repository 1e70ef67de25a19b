package dev.retort.testkit;

import dev.retort.Retort;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;

/** Finds the application's {@code Retort} in the Spring application context of a Spring test. */
final class SpringSupport {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

    private SpringSupport() {
    }

    static Retort retort(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!isSpringTest(testClass)) {
            throw new ParameterResolutionException(testClass.getSimpleName() + " has no revision history to test:"
                    + " make it a Spring test (@SpringBootTest, @DataJpaTest, @JdbcTest) of an application with"
                    + " migrations.enabled=true, or register the history and database on the class:"
                    + " @RegisterExtension static RetortExtension retort = RetortExtension.of(config);");
        }
        return Beans.retort(context);
    }

    private static boolean isSpringTest(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class).stream()
                .flatMap(e -> java.util.Arrays.stream(e.value()))
                .anyMatch(type -> type.getName().equals(SPRING_EXTENSION));
    }

    /** Loaded only once a Spring test is known to run, so Spring stays optional. */
    private static final class Beans {

        static Retort retort(ExtensionContext context) {
            org.springframework.context.ApplicationContext application =
                    org.springframework.test.context.junit.jupiter.SpringExtension.getApplicationContext(context);
            Map<String, Retort> beans = application.getBeansOfType(Retort.class);
            if (beans.size() == 1) {
                return beans.values().iterator().next();
            }
            if (beans.isEmpty()) {
                throw new ParameterResolutionException("The application context of "
                        + context.getRequiredTestClass().getSimpleName() + " has no Retort bean; set"
                        + " migrations.enabled=true for the test (e.g. @SpringBootTest(properties ="
                        + " \"migrations.enabled=true\")), or register one with RetortExtension.of(config)");
            }
            try {
                return application.getBean(Retort.class);
            } catch (RuntimeException e) {
                throw new ParameterResolutionException("The application context of "
                        + context.getRequiredTestClass().getSimpleName() + " has " + beans.size() + " Retort beans "
                        + beans.keySet() + " and none is primary; register the one to test with"
                        + " @RegisterExtension static RetortExtension retort = RetortExtension.of(retortBean)", e);
            }
        }
    }
}
