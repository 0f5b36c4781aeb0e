/** {@code genai generative compare} and the scale the generative lessons share (FID-MNIST, confidence, label histogram). */
package io.genai4j.cli.generative;
