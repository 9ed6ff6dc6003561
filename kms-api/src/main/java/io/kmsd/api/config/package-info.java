/**
 * The {@code kms:} block of the configuration (DESIGN "Configuration"): typed factories with bounded
 * {@code Duration}/{@code DataSize} values, each building the runtime part it describes (the authenticator,
 * the policy authorizer, core's configuration with grant caching, the deletion job, the audit trail), and the
 * bundled default configuration used when no file is given.
 *
 * <p>May import Dropwizard (configuration, db, lifecycle, util, validation, setup), Jackson, Jakarta Validation,
 * {@code io.kmsd.api.{auth,authz,lifecycle,audit,health,protocol}}, {@code io.kmsd.core} (its facade and
 * configuration), {@code io.kmsd.audit} (its configuration and sink) and {@code io.kmsd.policy.cedar} (the
 * guardrails of {@code kms.policy.guardrails}).
 */
package io.kmsd.api.config;
