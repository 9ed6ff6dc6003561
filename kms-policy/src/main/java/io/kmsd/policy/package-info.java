/**
 * kms-policy: the pure authorization engine (key-policy-semantics.md). Policy documents are compiled once
 * ({@code document}, {@code condition}), requests are decided by {@code eval} with grants from {@code grants},
 * decisions are rendered by {@code explain}; {@code template} holds default policies and separation-of-duties
 * checks, {@code testing} runs decision-vector files. Imports only kms-core's model packages
 * (io.kmsd.core.key, .alias, .grant, .error) and Jackson; never HTTP, JAX-RS or Dropwizard.
 */
package io.kmsd.policy;
