/**
 * {@code genai diffusion train|sample|eval|guidance}: denoising diffusion on MNIST digits, in a VAE's latent space
 * or on the pixels with a U-Net and classifier-free guidance.
 */
package io.genai4j.cli.diffusion;
