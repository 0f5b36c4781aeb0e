/**
 * Image classification on MNIST, the seed's "CNN vs ViT" lesson: the IDX reader and a deterministic
 * split of the 10,000-image file ({@link io.genai4j.models.vision.Mnist}), augmentation by shifts and
 * small rotations, a LeNet-style CNN and a small Vision Transformer ({@link
 * io.genai4j.models.vision.Vit}: strided-conv patch embedding, class token, learned positions,
 * pre-LN encoder blocks on the engine's attention), both trained by the shared TrainLoop, their
 * checkpoints, accuracy, the ViT's class-token attention rollout, and the data-size experiment.
 * Everything returns data or emits events; pictures are drawn in the course module.
 */
package io.genai4j.models.vision;
