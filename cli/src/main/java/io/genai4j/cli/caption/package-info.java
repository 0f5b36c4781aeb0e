/** {@code genai caption train|describe|eval}: the GIT-style captioner on generated scenes of coloured MNIST digits. */
package io.genai4j.cli.caption;
