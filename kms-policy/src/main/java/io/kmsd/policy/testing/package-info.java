/**
 * Policy tests as data (key-policy-semantics section 9, V1–V5): reading decision-vector files (JSON or YAML),
 * turning each vector into an authorization request, deciding it and comparing with its expectation; the
 * {@link io.kmsd.policy.testing.PolicyTestRunner} behind {@code ./kms policy test} and the JUnit factories.
 * Imports every other io.kmsd.policy package and Jackson.
 */
package io.kmsd.policy.testing;
