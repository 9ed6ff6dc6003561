package io.kmsd.api.cli.audit;

import io.kmsd.api.cli.ExitStatus;
import io.kmsd.api.cli.Subcommand;
import io.kmsd.audit.AuditEvent;
import io.kmsd.audit.Decision;
import io.kmsd.audit.query.AuditQuery;
import io.kmsd.audit.query.AuditRender;
import io.kmsd.audit.query.AuditSearch;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code ./kms audit search DIR [filters] [--json] [--limit N]}: the events of a trail that match every filter
 * given, oldest first, as a table or (for scripts) JSON Lines, one event per line exactly as stored. It reads, it
 * does not verify (that is {@code audit verify}). Exit status 0, or 2 for bad arguments or an unreadable DIR.
 */
final class SearchSubcommand implements Subcommand {

    @Override
    public String name() {
        return "search";
    }

    @Override
    public String description() {
        return "print the events matching every filter given, as a table or JSON Lines (--json)";
    }

    @Override
    public void configure(Subparser p) {
        p.addArgument("dir").metavar("DIR").help("the audit directory (<dataDir>/audit) or the data directory");
        p.addArgument("--from").metavar("TIME").help("events at or after TIME (2025-06-01T12:00:00Z or 2025-06-01)");
        p.addArgument("--to").metavar("TIME").help("events before TIME");
        p.addArgument("--key").help("a key ARN, key id or alias name the event names");
        p.addArgument("--principal").metavar("ARN").help("a caller ARN (a role ARN matches its sessions) or account");
        p.addArgument("--event").metavar("NAME").help("the operation, e.g. Encrypt");
        p.addArgument("--error").metavar("CODE").help("an error type (AccessDenied[Exception]), or none for successes");
        p.addArgument("--decision").metavar("OUTCOME").help(String.join("|", outcomes()));
        p.addArgument("--limit").type(Integer.class).setDefault(0).help("only the last N matches (0: all)");
        p.addArgument("--json").action(Arguments.storeTrue()).help("JSON Lines, one event per line");
    }

    @Override
    public int run(Namespace ns, PrintStream out, PrintStream err) {
        Optional<Path> dir = TrailDirectory.resolve(ns.getString("dir"));
        if (dir.isEmpty()) {
            err.println("kms audit search: not a directory: " + ns.getString("dir"));
            return ExitStatus.USAGE;
        }
        try {
            List<AuditEvent> events = AuditSearch.search(dir.get(), query(ns));
            out.print(ns.getBoolean("json") ? AuditRender.jsonLines(events) : AuditRender.table(events));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("kms audit search: " + e.getMessage());
            return ExitStatus.USAGE;
        } catch (UncheckedIOException e) {
            err.println("kms audit search: " + e.getMessage());
            return ExitStatus.USAGE;
        }
    }

    /** The filters given; a malformed one is an IllegalArgumentException naming its flag. */
    static AuditQuery query(Namespace ns) {
        return AuditQuery.ALL.between(time(ns.getString("from"), "--from"), time(ns.getString("to"), "--to"))
                .withKey(ns.getString("key")).withPrincipal(ns.getString("principal"))
                .withEventName(ns.getString("event")).withErrorCode(errorCode(ns.getString("error")))
                .withOutcome(outcome(ns.getString("decision"))).withLimit(limit(ns.getInt("limit")));
    }

    /** An ISO-8601 instant, or a date (its first instant, UTC). */
    static Instant time(String text, String flag) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(flag + " is not a time (2025-06-01T12:00:00Z or 2025-06-01): " + text);
        }
    }

    /** {@code AccessDenied} and {@code AccessDeniedException} are the same filter; {@code none}: successes. */
    static String errorCode(String text) {
        if (text == null || text.equals(AuditQuery.NO_ERROR) || text.endsWith("Exception")) {
            return text;
        }
        return text + "Exception";
    }

    static Decision.Outcome outcome(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Decision.Outcome.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--decision must be one of " + String.join(", ", outcomes()) + ": "
                    + text);
        }
    }

    private static int limit(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("--limit must not be negative: " + n);
        }
        return n;
    }

    private static List<String> outcomes() {
        return Arrays.stream(Decision.Outcome.values()).map(Enum::name).toList();
    }
}
