/**
 * Denoising diffusion (Ho et al. 2020, DDPM): a fixed forward process adds Gaussian noise over T
 * steps with a linear or cosine β schedule, q(x_t|x_0) = N(√ᾱ_t·x_0, (1 − ᾱ_t)·I); a network learns
 * to predict the added noise ε from (x_t, t); samples come from the learned reverse process, either
 * ancestrally over all T steps (DDPM) or deterministically over a few (DDIM, Song et al. 2021). The
 * latent model denoises a VAE's latent vectors (latent diffusion, Rombach et al. 2022); the pixel
 * model is a small U-Net on the images themselves, optionally class-conditional with
 * classifier-free guidance (Ho &amp; Salimans 2022).
 * Training emits TrainLoop events; nothing here prints or draws.
 */
package io.genai4j.models.diffusion;
