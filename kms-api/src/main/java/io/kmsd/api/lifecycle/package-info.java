/**
 * Background work with a lifecycle: the deletion job that removes keys whose waiting period has ended, the
 * rotation job that rotates keys whose rotation period has passed, and the job that deletes imported key
 * material past its {@code ValidTo}.
 *
 * <p>May import Dropwizard lifecycle, SLF4J and {@code io.kmsd.core} (the {@code KeyService} facade and its model);
 * it reports deleted keys through a plain {@code Consumer}, so it knows nothing of the audit trail.
 */
package io.kmsd.api.lifecycle;
