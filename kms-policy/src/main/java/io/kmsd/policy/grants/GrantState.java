package io.kmsd.policy.grants;

/** A grant's lifecycle state; only ACTIVE grants allow anything (E12) and tokens never revive the others (E15). */
public enum GrantState { ACTIVE, RETIRED, REVOKED }
