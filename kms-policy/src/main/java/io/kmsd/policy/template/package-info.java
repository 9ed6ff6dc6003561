/**
 * Default and generated key policies and separation-of-duties checks (key-policy-semantics D1–D4): the API
 * default policy, the console-style template, and the check that no principal but the account root holds both
 * administrative and usage actions. Imports io.kmsd.policy.{actions,condition,document,principal} and Jackson.
 */
package io.kmsd.policy.template;
