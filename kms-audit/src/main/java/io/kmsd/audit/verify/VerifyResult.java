package io.kmsd.audit.verify;

import io.kmsd.audit.AuditJson;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link AuditVerifier#verify}: findings sorted so the first is the earliest bad place
 * in the trail, and what was checked.
 *
 * <p>Exit codes for {@code kms audit verify}: {@value #EXIT_OK} intact; {@value #EXIT_TAMPERED} tampering
 * found; {@value #EXIT_ERROR} the directory could not be read (the CLI's own); {@value #EXIT_TORN_TAIL}
 * intact except a torn last line left by a crash (the writer sets it aside on its next start).
 */
public record VerifyResult(List<Finding> findings, long records, int files, int digests, long unsignedRecords,
        String keyId, String keySource, List<String> notes) {
    public static final int EXIT_OK = 0;
    public static final int EXIT_TAMPERED = 1;
    public static final int EXIT_ERROR = 2;
    public static final int EXIT_TORN_TAIL = 3;

    /** Intact, torn tail only, or tampered. */
    public enum Status { OK, TORN_TAIL, TAMPERED }

    public VerifyResult {
        findings = findings.stream().sorted(Comparator.comparingLong(Finding::sequence)
                .thenComparingInt(f -> f.kind().priority())).toList();
        notes = List.copyOf(notes);
    }

    public Status status() {
        if (findings.stream().anyMatch(Finding::isTampering)) {
            return Status.TAMPERED;
        }
        return findings.isEmpty() ? Status.OK : Status.TORN_TAIL;
    }

    /** The earliest tampering, else the torn tail, else empty. */
    public Optional<Finding> firstProblem() {
        return findings.stream().filter(Finding::isTampering).findFirst().or(() -> findings.stream().findFirst());
    }

    public int exitCode() {
        return switch (status()) {
            case OK -> EXIT_OK;
            case TORN_TAIL -> EXIT_TORN_TAIL;
            case TAMPERED -> EXIT_TAMPERED;
        };
    }

    /** The report as one JSON object (for {@code --json}): status, exitCode, firstProblem and every field. */
    public String toJson() {
        var json = AuditJson.mapper().createObjectNode();
        json.put("status", status().name());
        json.put("exitCode", exitCode());
        json.set("firstProblem", AuditJson.mapper().valueToTree(firstProblem().orElse(null)));
        json.setAll((com.fasterxml.jackson.databind.node.ObjectNode) AuditJson.mapper().valueToTree(this));
        return json.toString();
    }

    /** The human report the CLI prints. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(status()).append(": ").append(records).append(" records chained in ").append(files).append(" files, ")
                .append(digests).append(" digests");
        if (keyId != null) {
            s.append(" (signed by ").append(keyId).append(", ").append(keySource).append(')');
        }
        s.append('\n');
        firstProblem().ifPresent(f -> s.append("first bad place: ").append(f.describe()).append('\n'));
        findings.stream().skip(1).forEach(f -> s.append("  also: ").append(f.describe()).append('\n'));
        if (unsignedRecords > 0) {
            s.append("note: the last ").append(unsignedRecords)
                    .append(" records are not yet covered by a signed digest\n");
        }
        notes.forEach(n -> s.append("note: ").append(n).append('\n'));
        return s.toString();
    }
}
