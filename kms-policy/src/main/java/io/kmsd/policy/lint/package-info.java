/**
 * Checking policies before they are stored: {@link io.kmsd.policy.lint.ValidationReport} lists every grammar error
 * with its JSON pointer ({@code ./kms policy validate}), and the {@link io.kmsd.policy.lint.Linter} reports
 * findings with rule ids and severities ({@code ./kms policy lint}): separation of duties (D4, optionally with
 * the identity policies of {@link io.kmsd.policy.lint.LintIdentity users and roles}), lockout risk,
 * wildcard principals, cross-account administration, unknown actions and condition keys, statements that never
 * apply, duplicate Sids. Imports io.kmsd.policy.{actions,condition,document,principal,template} and Jackson.
 */
package io.kmsd.policy.lint;
