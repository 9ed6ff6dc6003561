package io.kmsd.api.protocol;

/** The response of operations without output members: {@code {}} (kms-api §1.1). */
public record NoOutput() {
    public static final NoOutput INSTANCE = new NoOutput();
}
