/**
 * Running as a fleet, measured: {@code genai serve} replicas as processes, a real nginx in front,
 * and a bounded load of streaming clients that retry, so throughput, time to first token and the
 * loss of a replica mid-test can be measured on one machine ({@code genai bench serve}).
 */
package io.genai4j.bench.fleet;
