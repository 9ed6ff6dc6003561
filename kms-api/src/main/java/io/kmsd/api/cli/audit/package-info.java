/**
 * {@code ./kms audit verify DIR} and {@code ./kms audit search DIR [filters]} (issue 5): thin command-line faces of
 * kms-audit's verifier and search, {@link io.kmsd.api.cli.Subcommand}s of one group, with real exit statuses.
 * Read-only: they never open the trail for writing.
 *
 * <p>May import {@code io.kmsd.api.cli}, {@code io.kmsd.audit.{verify,query,chain}}, the event types of
 * {@code io.kmsd.audit} and the directory name of {@code io.kmsd.audit.sink.AuditSinks}, argparse4j and the JDK.
 */
package io.kmsd.api.cli.audit;
