/**
 * What every operational command of the jar shares: {@link io.kmsd.api.cli.StatusCommand}, a Dropwizard command
 * that ends with a chosen process exit status ({@link io.kmsd.api.cli.CommandExit}; Dropwizard itself knows only
 * 0 and 1). The commands live in sub-packages ({@code cli.audit}).
 *
 * <p>May import Dropwizard's CLI (dropwizard-core's {@code cli}, argparse4j) and the JDK.
 */
package io.kmsd.api.cli;
