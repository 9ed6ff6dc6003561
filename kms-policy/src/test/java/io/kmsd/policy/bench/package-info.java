/** JMH benchmarks of the evaluator (run by their main methods, never by Surefire). */
package io.kmsd.policy.bench;
