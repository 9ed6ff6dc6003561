package io.kmsd.policy.eval;

/** The first reason a grant does not apply (X4), in the order the checks run. */
public enum GrantFailure { State, Propagation, Key, Operation, Grantee, Constraint, ChildGrantTooBroad }
