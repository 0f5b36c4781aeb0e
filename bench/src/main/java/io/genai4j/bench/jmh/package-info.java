/**
 * JMH micro-benchmarks of the engine's kernels (forked JVMs, warm-up, error bars), compiled with
 * their harness into genai-bench.jar: {@code java --add-modules jdk.incubator.vector -cp
 * 'bench/target/genai-bench.jar:bench/target/lib/*' org.openjdk.jmh.Main}. The one-shot figures of
 * {@code genai bench} are in the parent package.
 */
package io.genai4j.bench.jmh;
