/** The AWS KMS error shapes and the one exception type that carries them. Imports nothing of the project. */
package io.kmsd.core.error;
