package io.kmsd.core.error;

/**
 * The AWS KMS error shapes (kms-api.md §1.2, §1.3 and §4), each marked as a client or a server fault.
 * The wire name is the enum name plus {@code Exception}; the HTTP status follows from the fault
 * (the live service answers 400 for every client fault, see kms-api.md §1.2).
 */
public enum KmsError {
    // framework errors (§1.3)
    MissingAuthenticationToken(Fault.CLIENT),
    IncompleteSignature(Fault.CLIENT),
    UnrecognizedClient(Fault.CLIENT),
    ExpiredToken(Fault.CLIENT),
    InvalidSignature(Fault.CLIENT),
    AccessDenied(Fault.CLIENT),
    Validation(Fault.CLIENT),
    Serialization(Fault.CLIENT),
    UnknownOperation(Fault.CLIENT),
    Throttling(Fault.CLIENT),
    // modeled errors (§4)
    AlreadyExists(Fault.CLIENT),
    Conflict(Fault.CLIENT),
    CustomKeyStoreNotFound(Fault.CLIENT),
    CustomKeyStoreInvalidState(Fault.CLIENT),
    Disabled(Fault.CLIENT),
    DryRunOperation(Fault.CLIENT),
    ExpiredImportToken(Fault.CLIENT),
    IncorrectKey(Fault.CLIENT),
    IncorrectKeyMaterial(Fault.CLIENT),
    InvalidAliasName(Fault.CLIENT),
    InvalidArn(Fault.CLIENT),
    InvalidCiphertext(Fault.CLIENT),
    InvalidGrantId(Fault.CLIENT),
    InvalidGrantToken(Fault.CLIENT),
    InvalidImportToken(Fault.CLIENT),
    InvalidKeyUsage(Fault.CLIENT),
    InvalidMarker(Fault.CLIENT),
    KMSInvalidMac(Fault.CLIENT),
    KMSInvalidSignature(Fault.CLIENT),
    KMSInvalidState(Fault.CLIENT),
    LimitExceeded(Fault.CLIENT),
    MalformedPolicyDocument(Fault.CLIENT),
    NotFound(Fault.CLIENT),
    Tag(Fault.CLIENT),
    UnsupportedOperation(Fault.CLIENT),
    KMSInternal(Fault.SERVER),
    KeyUnavailable(Fault.SERVER),
    DependencyTimeout(Fault.UNAVAILABLE);

    /** Who is at fault, which decides the HTTP status. */
    public enum Fault { CLIENT, SERVER, UNAVAILABLE }

    private final Fault fault;

    KmsError(Fault fault) {
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }

    /** The {@code __type} sent on the wire. */
    public String wireName() {
        return name() + "Exception";
    }

    public int httpStatus() {
        return switch (fault) {
            case CLIENT -> 400;
            case SERVER -> 500;
            case UNAVAILABLE -> 503;
        };
    }
}
