/** Alias names and alias ARNs (model values shared with kms-policy). Imports only {@code io.kmsd.core.key}. */
package io.kmsd.core.alias;
