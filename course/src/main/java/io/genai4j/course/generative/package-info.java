/**
 * Pictures of the generative lessons (VAE, diffusion, GAN): sample grids, reconstructions beside
 * their inputs, latent interpolation strips and training strips, drawn from the pixel arrays the
 * models return ({@link io.genai4j.course.vision.DigitGrid} does the drawing).
 */
package io.genai4j.course.generative;
