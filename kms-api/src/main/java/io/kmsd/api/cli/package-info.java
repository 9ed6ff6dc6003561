/**
 * Command-line families of the one jar ({@code ./kms policy test ...}): a {@link io.kmsd.api.cli.CommandGroup}
 * is one Dropwizard command whose argparse4j subparsers are {@link io.kmsd.api.cli.Subcommand}s, one class each,
 * listed in {@link io.kmsd.api.cli.KmsCommands} (the audit family in {@code cli.audit}); a
 * {@link io.kmsd.api.cli.SingleCommand} is one subcommand standing alone ({@code ./kms explain}, whose sources are
 * {@code OfflineExplain}, {@code LiveExplain} and {@code AuditExplain}). Exit statuses are real:
 * {@link io.kmsd.api.cli.ExitStatus}.
 *
 * <p>May import kms-policy, {@code io.kmsd.core.key} and {@code io.kmsd.core.error}, the SigV4 signer and
 * credentials of {@code io.kmsd.api.bench} and the trail search of {@code io.kmsd.audit} (and
 * {@code cli.audit.TrailDirectory}) for {@code explain}, the identities file reader of {@code io.kmsd.api.auth} for
 * {@code policy lint --with-identity}, Jackson, Dropwizard's command API, argparse4j and the JDK
 * ({@code java.net.http} for {@code explain --endpoint}).
 */
package io.kmsd.api.cli;
