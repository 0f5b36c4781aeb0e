/**
 * A convolutional variational autoencoder for 28×28 digits (Kingma &amp; Welling 2014): the encoder
 * maps an image to a Gaussian q(z|x) = N(μ, diag σ²), a sample z = μ + σ·ε (the reparameterization
 * trick) is decoded to Bernoulli pixel logits, and training maximises the ELBO = E_q[log p(x|z)] −
 * KL(q(z|x) ‖ N(0, I)), reported in nats per image. Training runs on the shared TrainLoop and emits
 * its events; nothing here prints or draws.
 */
package io.genai4j.models.vae;
