/** {@code genai diffusion train|sample|eval}: denoising diffusion in a VAE's latent space, on MNIST digits. */
package io.genai4j.cli.diffusion;
