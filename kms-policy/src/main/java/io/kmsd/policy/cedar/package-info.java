/**
 * Cedar (cedar-java) for kms: the schema of the entities kms hands to Cedar ({@link
 * io.kmsd.policy.cedar.KmsCedarSchema}), guardrails — forbid-only Cedar policies applied after the IAM decision
 * ({@link io.kmsd.policy.cedar.Guardrails}) — and the translation of key policies into Cedar ({@link
 * io.kmsd.policy.cedar.CedarExport}). The only package that imports com.cedarpolicy (an ArchUnit rule); the
 * evaluator never depends on it. Imports io.kmsd.policy.{actions,condition,document,eval,principal,request}.
 */
package io.kmsd.policy.cedar;
