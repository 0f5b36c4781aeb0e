package io.genai4j.models.gan;

/**
 * How the game stands after {@code step} updates: the means since the previous snapshot of both
 * losses and of D's probability of "real" on real images and on fakes (NaN before the first update),
 * and the images the generator makes of a fixed noise batch (pixels in [0, 1]). A row of these per
 * snapshot shows a GAN learning, and shows mode collapse when the row turns into copies of one digit.
 */
public record GanSnapshot(int step, double discriminatorLoss, double generatorLoss, double dReal, double dFake, float[][] images) {}
