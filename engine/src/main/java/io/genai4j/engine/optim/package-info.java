/**
 * Training's update side: optimizers stepping parameters from their gradients ({@link io.genai4j.engine.optim.AdamW}
 * and {@link io.genai4j.engine.optim.Sgd}, step for step as PyTorch's), parameter groups, learning-rate
 * schedules, global gradient-norm clipping, and {@link io.genai4j.engine.optim.TrainingDiverged} for a
 * loss that stopped being finite. Optimizer state is exposed for checkpoints; nothing here runs a loop.
 */
package io.genai4j.engine.optim;
