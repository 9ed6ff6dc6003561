/**
 * Command-line families of the one jar ({@code ./kms audit verify ...}): a {@link io.kmsd.api.cli.CommandGroup}
 * is one Dropwizard command whose argparse4j subparsers are {@link io.kmsd.api.cli.Subcommand}s, one class each.
 * Exit statuses are real: {@link io.kmsd.api.cli.ExitStatus}. The audit family lives in {@code cli.audit}.
 *
 * <p>May import Dropwizard's command API, argparse4j and the JDK.
 */
package io.kmsd.api.cli;
