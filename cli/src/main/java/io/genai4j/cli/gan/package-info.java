/** {@code genai gan train|sample|eval}: the generative adversarial network lesson on MNIST digits. */
package io.genai4j.cli.gan;
