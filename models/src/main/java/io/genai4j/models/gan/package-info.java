/**
 * A DCGAN-style generative adversarial network for 28×28 digits (Goodfellow et al. 2014; Radford et
 * al. 2016): a generator maps noise z ~ N(0, I) to an image, a discriminator scores images as real or
 * generated, and the two are trained against each other with the non-saturating loss and the usual
 * stabilizers (BatchNorm, LeakyReLU in the discriminator, Adam with β1 = 0.5, one-sided label
 * smoothing). Training runs on the shared TrainLoop and emits its events, including snapshots of a
 * fixed noise batch so a learner can watch it learn; nothing here prints or draws.
 */
package io.genai4j.models.gan;
