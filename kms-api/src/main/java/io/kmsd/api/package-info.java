/**
 * The runnable application: {@link io.kmsd.api.KmsApplication} (the jar's main class and its commands),
 * {@link io.kmsd.api.KmsConfiguration}, and the wiring that builds the running server from the configuration.
 *
 * <p>May import everything of kms-api, kms-core's facade and configuration, and Dropwizard.
 */
package io.kmsd.api;
