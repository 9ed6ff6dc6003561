package io.kmsd.policy.document;

/** G6: exactly {@code Allow} or {@code Deny}, case-sensitive. */
public enum Effect { Allow, Deny }
