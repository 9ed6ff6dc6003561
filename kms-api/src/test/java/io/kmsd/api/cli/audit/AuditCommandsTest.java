package io.kmsd.api.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;
import io.kmsd.api.KmsApplication;
import io.kmsd.api.KmsConfiguration;
import io.kmsd.api.cli.ExitStatus;
import io.kmsd.audit.AuditJson;
import io.kmsd.audit.verify.AuditVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./kms audit verify} and {@code ./kms audit search} through Dropwizard's own {@link Cli} on a small trail,
 * checked by their exact output and exit status (issue 5 items 3 and 4): an intact trail, an edited record
 * (tampering, exit 1, named), a torn last line (a crash, exit 3, not tampering), an unreadable directory (exit 2).
 */
class AuditCommandsTest {
    static final String HEADER = "TIME                  EVENT       PRINCIPAL                             KEY"
            + "                                                                          RESULT                 "
            + "DECISION\n";
    static final String ENCRYPT_ROW = "2025-06-01T12:01:00Z  Encrypt     arn:aws:iam::111122223333:user/alice  "
            + SmallTrail.KEY + "  OK                     ALLOW\n";
    static final String DISABLE_ROW = "2025-06-01T12:02:00Z  DisableKey  arn:aws:iam::111122223333:user/alice  "
            + SmallTrail.KEY + "  AccessDeniedException  EXPLICIT_DENY\n";
    static final String DECRYPT_ROW = "2025-06-01T12:03:00Z  Decrypt     arn:aws:iam::444455556666:user/bob    "
            + SmallTrail.KEY + "  OK                     ALLOW\n";
    static final String LOG = "audit-00000000000000000001-20250601T120000Z.jsonl";

    @TempDir
    Path data;
    Path trail;
    String signedBy;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void trail() throws Exception {
        trail = SmallTrail.write(data);
        signedBy = "(signed by " + AuditVerifier.verify(trail).keyId() + ", pinned by "
                + data.resolve("audit-signing.pub") + ")";
    }

    int run(String... args) {
        out.reset();
        err.reset();
        Bootstrap<KmsConfiguration> bootstrap = new Bootstrap<>(new KmsApplication());
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        bootstrap.addCommand(AuditCommands.audit(o, e));
        Cli cli = new Cli(new JarLocation(KmsApplication.class), bootstrap, o, e);
        return ExitStatus.of(cli.run(args));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anIntactTrailVerifies() {
        assertThat(run("audit", "verify", trail.toString())).isZero();
        assertThat(out()).isEqualTo("OK: 4 records chained in 1 files, 1 digests " + signedBy + "\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void theDataDirectoryStandsForItsAuditDirectory() {
        assertThat(run("audit", "verify", data.toString())).isZero();
        assertThat(out()).startsWith("OK: 4 records");
    }

    @Test
    void anEditedRecordIsTamperingNamedByFileAndLine() throws Exception {
        SmallTrail.editSecondRecord(trail);
        assertThat(run("audit", "verify", trail.toString())).isEqualTo(1);
        assertThat(out()).isEqualTo("TAMPERED: 1 records chained in 1 files, 1 digests " + signedBy + "\n"
                + "first bad place: EDITED at " + LOG + " line 2 (record 2): the record's content does not match its "
                + "hash\n");
    }

    @Test
    void aDeletedRecordIsTamperingToo() throws Exception {
        Path log = SmallTrail.logFile(trail);
        var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.remove(1);
        Files.write(log, lines, StandardCharsets.UTF_8);
        assertThat(run("audit", "verify", trail.toString())).isEqualTo(1);
        assertThat(out()).startsWith("TAMPERED: ").contains("first bad place: ").contains(LOG + " line 2");
    }

    @Test
    void aTornLastLineIsACrashNotTampering() throws Exception {
        SmallTrail.tearTail(trail);
        assertThat(run("audit", "verify", trail.toString())).isEqualTo(3);
        assertThat(out()).startsWith("TORN_TAIL: 4 records chained in 1 files, 1 digests " + signedBy + "\n"
                + "first bad place: TORN_TAIL at " + LOG + " line 5");
        assertThat(out()).doesNotContain("TAMPERED");
    }

    @Test
    void theJsonReportCarriesStatusExitCodeAndFirstProblem() throws Exception {
        SmallTrail.editSecondRecord(trail);
        assertThat(run("audit", "verify", "--json", trail.toString())).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(out());
        assertThat(report.get("status").asText()).isEqualTo("TAMPERED");
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        assertThat(report.get("firstProblem").get("kind").asText()).isEqualTo("EDITED");
        assertThat(report.get("firstProblem").get("line").asInt()).isEqualTo(2);
    }

    @Test
    void aMissingDirectoryIsExitTwo() {
        assertThat(run("audit", "verify", data.resolve("nope").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("kms audit verify: not a directory: " + data.resolve("nope") + "\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void missingArgumentsAreAUsageError() {
        assertThat(run("audit", "verify")).isEqualTo(2);
        assertThat(err()).startsWith("too few arguments\nusage: ").contains("audit verify [-h] [--json] DIR");
        assertThat(run("audit")).isEqualTo(2);
    }

    @Test
    void searchPrintsEveryRecordAsATable() {
        assertThat(run("audit", "search", trail.toString())).isZero();
        assertThat(out()).as("a cross-account event is one record per account")
                .isEqualTo(HEADER + ENCRYPT_ROW + DISABLE_ROW + DECRYPT_ROW + DECRYPT_ROW + "4 events\n");
    }

    @Test
    void searchFiltersCombine() {
        assertThat(run("audit", "search", trail.toString(), "--principal", SmallTrail.ALICE, "--error", "none"))
                .isZero();
        assertThat(cells()).containsExactly(cells(HEADER), cells(ENCRYPT_ROW), "1 event");
        assertThat(run("audit", "search", trail.toString(), "--error", "AccessDenied", "--decision", "explicit_deny",
                "--event", "DisableKey", "--key", "1234abcd-12ab-34cd-56ef-1234567890ab")).isZero();
        assertThat(out()).isEqualTo(HEADER + DISABLE_ROW + "1 event\n");
        assertThat(run("audit", "search", trail.toString(), "--from", "2025-06-01T12:01:30Z",
                "--to", "2025-06-01T12:02:30Z")).isZero();
        assertThat(out()).isEqualTo(HEADER + DISABLE_ROW + "1 event\n");
        assertThat(run("audit", "search", trail.toString(), "--principal", "444455556666")).isZero();
        assertThat(cells()).containsExactly(cells(HEADER), cells(DECRYPT_ROW), cells(DECRYPT_ROW), "2 events");
        assertThat(run("audit", "search", trail.toString(), "--from", "2025-06-02")).isZero();
        assertThat(cells()).containsExactly(cells(HEADER), "0 events");
    }

    @Test
    void searchLimitKeepsTheLastMatches() {
        assertThat(run("audit", "search", trail.toString(), "--principal", SmallTrail.ALICE, "--limit", "1"))
                .isZero();
        assertThat(out()).isEqualTo(HEADER + DISABLE_ROW + "1 event\n");
    }

    @Test
    void searchJsonPrintsTheStoredEventsOnePerLine() {
        assertThat(run("audit", "search", trail.toString(), "--json", "--event", "Encrypt")).isZero();
        String[] lines = out().split("\n");
        assertThat(lines).hasSize(1);
        var event = AuditJson.fromJson(lines[0]);
        assertThat(event.eventID()).isEqualTo("11111111-0000-4000-8000-000000000001");
        assertThat(AuditJson.toJson(event)).isEqualTo(lines[0]);
        assertThat(lines[0]).contains("\"encryptionContext\":{\"order\":\"7\"}");
    }

    @Test
    void malformedFiltersAreUsageErrorsNamingTheFlag() {
        assertThat(run("audit", "search", trail.toString(), "--from", "yesterday")).isEqualTo(2);
        assertThat(err()).isEqualTo("kms audit search: --from is not a time (2025-06-01T12:00:00Z or 2025-06-01): "
                + "yesterday\n");
        assertThat(run("audit", "search", trail.toString(), "--decision", "maybe")).isEqualTo(2);
        assertThat(err()).startsWith("kms audit search: --decision must be one of ALLOW, EXPLICIT_DENY, "
                + "IMPLICIT_DENY, NOT_EVALUATED");
        assertThat(run("audit", "search", trail.toString(), "--from", "2025-06-02", "--to", "2025-06-01"))
                .isEqualTo(2);
        assertThat(err()).contains("the time range is empty");
        assertThat(run("audit", "search", data.resolve("nope").toString())).isEqualTo(2);
        assertThat(run("audit", "search", trail.toString(), "--limit", "-1")).isEqualTo(2);
        assertThat(out()).isEmpty();
    }

    /** The output's lines with each run of spaces as one (column widths follow the widest cell shown). */
    private java.util.List<String> cells() {
        return out().lines().map(AuditCommandsTest::cells).toList();
    }

    private static String cells(String line) {
        return line.strip().replaceAll(" +", " ");
    }
}
