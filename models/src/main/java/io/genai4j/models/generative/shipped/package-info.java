/**
 * The small generative models that ship in the jar (the scale's LeNet, a VAE, a GAN, a latent
 * diffusion model), read out of the class path. A package of its own because it depends on every
 * generative lesson's package, which all depend on {@code models.generative}.
 */
package io.genai4j.models.generative.shipped;
