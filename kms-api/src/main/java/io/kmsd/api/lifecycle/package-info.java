/**
 * Background work with a lifecycle: the deletion job that removes keys whose waiting period has ended.
 *
 * <p>May import Dropwizard lifecycle, SLF4J and {@code io.kmsd.core} (the {@code KeyService} facade).
 */
package io.kmsd.api.lifecycle;
