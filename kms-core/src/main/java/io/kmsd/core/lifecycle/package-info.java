/**
 * The key service implementation: resolution, lifecycle, aliases, tags, the cache and the deletion step.
 * Imports every core package; never authorizes.
 */
package io.kmsd.core.lifecycle;
