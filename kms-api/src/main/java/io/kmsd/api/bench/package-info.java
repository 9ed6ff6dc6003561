/**
 * The load tool ({@code ./kms load}): a closed loop of SigV4-signed requests against a running server on loopback,
 * reporting throughput and latency per operation.
 *
 * <p>This package is a client. It may import the JDK, Jackson, HdrHistogram, argparse4j and Dropwizard's
 * {@code cli}/{@code util} types; it imports nothing else of the project (its SigV4 signer is written
 * independently of the server's verifier, so each checks the other).
 */
package io.kmsd.api.bench;
