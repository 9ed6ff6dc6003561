/**
 * Command-line families of the one jar ({@code ./kms policy test ...}): a {@link io.kmsd.api.cli.CommandGroup}
 * is one Dropwizard command whose argparse4j subparsers are {@link io.kmsd.api.cli.Subcommand}s, one class each,
 * listed in {@link io.kmsd.api.cli.KmsCommands} (the audit family in {@code cli.audit}). Exit statuses are real:
 * {@link io.kmsd.api.cli.ExitStatus}.
 *
 * <p>May import kms-policy, {@code io.kmsd.core.key}, Dropwizard's command API, argparse4j and the JDK.
 */
package io.kmsd.api.cli;
