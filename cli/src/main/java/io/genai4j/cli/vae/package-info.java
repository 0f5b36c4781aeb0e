/** {@code genai vae train|sample|eval}: the variational autoencoder lesson on MNIST digits. */
package io.genai4j.cli.vae;
