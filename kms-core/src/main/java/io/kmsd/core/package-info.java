/**
 * The facade of kms-core: {@link io.kmsd.core.KeyService} (what kms-api calls), {@link io.kmsd.core.Core}
 * (builds it from a {@link io.kmsd.core.CoreConfig}) and the records that cross the boundary.
 * May import every core package; imports no other project module and nothing of HTTP.
 */
package io.kmsd.core;
