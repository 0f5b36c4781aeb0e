/**
 * What the generative lessons (VAE, diffusion, GAN) share: mini-batches of images drawn epoch by
 * epoch from fresh shuffles, and the one scale they are compared on (Fréchet distance on a
 * classifier's features, confidence, label histogram). Libraries only: results are returned, never
 * printed or drawn.
 */
package io.genai4j.models.generative;
