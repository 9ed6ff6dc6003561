/**
 * The key service implementation: resolution, lifecycle, aliases, tags, the cache (which holds each key's
 * parsed material: a symmetric ring or one asymmetric/HMAC handle), symmetric and asymmetric crypto operations,
 * rotation, and the deletion and rotation job steps.
 * Imports every core package; never authorizes.
 */
package io.kmsd.core.lifecycle;
