package dev.retort.boot.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandArgumentsTests {

    @Test
    void withoutMigrationsItIsNotCommandMode() {
        assertThat(CommandArguments.parse(new String[] {"--server.port=8081"})).isNull();
    }

    @Test
    void springOptionsBeforeAndAfterTheCommandAreTheApplicationsOwn() {
        CommandArguments arguments = CommandArguments.parse(new String[] {"--spring.profiles.active=postgres",
            "migrations", "--url", "jdbc:h2:mem:x", "stamp", "e03f", "--spring.datasource.username=app"});

        assertThat(arguments.refusal()).isNull();
        assertThat(arguments.cli()).containsExactly("--url", "jdbc:h2:mem:x", "stamp", "e03f");
        assertThat(arguments.command()).isEqualTo("stamp");
        assertThat(arguments.needsApplicationContext()).isFalse();
    }

    @Test
    void anArgumentThatIsNotAnOptionBeforeMigrationsIsRefusedNamingIt() {
        CommandArguments arguments = CommandArguments.parse(new String[] {"serve", "migrations", "current"});

        assertThat(arguments.refusal()).isEqualTo("'migrations' must be the first argument, after Spring options"
                + " such as --spring.profiles.active=postgres only: java -jar <app>.jar [--name=value ...] migrations"
                + " <command> [args]. 'serve' comes before it, so the application was not started and no command"
                + " ran.");
    }

    @Test
    void checkAndAutogenerateNeedTheApplicationContextEveryOtherCommandDoesNot() {
        assertThat(CommandArguments.parse(new String[] {"migrations", "check"}).needsApplicationContext()).isTrue();
        assertThat(CommandArguments.parse(new String[] {"migrations", "revision", "--autogenerate", "-m", "x"})
                .needsApplicationContext()).isTrue();
        assertThat(CommandArguments.parse(new String[] {"migrations", "revision", "-m", "check"})
                .needsApplicationContext()).isFalse();
        assertThat(CommandArguments.parse(new String[] {"migrations", "--schema", "check", "current"})
                .needsApplicationContext()).isFalse();
    }
}
