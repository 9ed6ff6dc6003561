/**
 * Policy tests as data (key-policy-semantics section 9, V1–V5): decision-vector files and the concise suite form
 * (JSON or YAML), turned into authorization requests, decided and compared with their expectations; the
 * {@link io.kmsd.policy.testing.PolicyTestRunner} behind {@code ./kms policy test} and the JUnit factories, its
 * text report and JUnit XML. Imports every other io.kmsd.policy package (cedar only for suites naming guardrails), and Jackson/SnakeYAML.
 */
package io.kmsd.policy.testing;
