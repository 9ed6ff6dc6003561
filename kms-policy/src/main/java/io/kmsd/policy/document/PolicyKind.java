package io.kmsd.policy.document;

/** Key policies (resource-based, with Principal) and identity policies (G14, no Principal). */
public enum PolicyKind { KEY, IDENTITY }
