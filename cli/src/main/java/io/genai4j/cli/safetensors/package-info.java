/**
 * {@code genai safetensors ...}: working with safetensors checkpoints (converting between dtypes).
 * Options are parsed and checked here; the work is done by the libraries.
 */
package io.genai4j.cli.safetensors;
