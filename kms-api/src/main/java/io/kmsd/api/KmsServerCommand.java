package io.kmsd.api;

import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ServerCommand;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code ./kms server [CONFIG.yml]}: Dropwizard's server command, except that a configuration, identities,
 * root key or database problem is reported as one clear line instead of a stack trace.
 */
public final class KmsServerCommand extends ServerCommand<KmsConfiguration> {

    public KmsServerCommand(KmsApplication application) {
        super(application, "server", "Runs the key service (AWS KMS JSON protocol on POST /); config file optional");
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof StartupException || e instanceof ConfigurationException) {
            cli.getStdErr().println("kms: cannot start: " + e.getMessage());
            cli.getStdErr().flush();
            return;
        }
        super.onError(cli, namespace, e);
    }
}
