package io.kmsd.api;

import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.kmsd.api.cli.ExitStatus;
import io.kmsd.api.cli.KmsCommands;
import io.kmsd.api.cli.audit.AuditCommands;
import io.kmsd.api.config.DefaultingConfigurationFactory;
import java.time.Clock;

/**
 * The runnable jar: {@code server [CONFIG.yml]} serves the AWS KMS protocol; {@code check} validates a
 * configuration; {@code load} measures a server; {@code policy ...} works on policies offline. Without a
 * file the bundled default applies (loopback ports, data under {@code ./data}); {@code ${VAR}} in a
 * configuration file is replaced from the environment.
 */
public class KmsApplication extends Application<KmsConfiguration> {
    private final Clock clock;

    public KmsApplication() {
        this(Clock.systemUTC());
    }

    /** With an injected clock (tests move time for SigV4 skew and key deletion). */
    public KmsApplication(Clock clock) {
        this.clock = clock;
    }

    public static void main(String[] args) throws Exception {
        new KmsApplication().run(args);
    }

    @Override
    public String getName() {
        return "kms";
    }

    @Override
    public void initialize(Bootstrap<KmsConfiguration> bootstrap) {
        bootstrap.setConfigurationFactoryFactory(DefaultingConfigurationFactory::new);
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                new FileConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    }

    @Override
    protected void addDefaultCommands(Bootstrap<KmsConfiguration> bootstrap) {
        bootstrap.addCommand(new KmsServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
        bootstrap.addCommand(new io.kmsd.api.bench.LoadTool());
        bootstrap.addCommand(KmsCommands.policy(System.out, System.err));
        bootstrap.addCommand(KmsCommands.explain(System.out, System.err));
        bootstrap.addCommand(AuditCommands.audit(System.out, System.err));
    }

    /** A failed command ends the process with its status (1, or 2 for bad arguments; {@link ExitStatus}). */
    @Override
    protected void onFatalError(Throwable t) {
        System.exit(ExitStatus.of(t));
    }

    @Override
    public void run(KmsConfiguration configuration, Environment environment) {
        ServerWiring.wire(configuration, environment, clock);
    }
}
