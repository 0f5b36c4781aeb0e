/**
 * The one training loop. {@link io.genai4j.models.train.TrainLoop} runs the steps every trainer
 * shares (learning-rate schedule, gradient accumulation, clipping, the NaN-loss stop, evaluation
 * cadence, best-so-far checkpoints, resume from a step, a CPU-time budget); a trainer supplies only
 * its {@link io.genai4j.models.train.TrainTask} (the loss of the next batch, how to evaluate, how to
 * save). Nothing here prints or draws: progress goes to a {@link io.genai4j.models.train.TrainListener}
 * as {@link io.genai4j.models.train.TrainEvent}s, which the CLI, the course or a server render.
 * Around it, what several trainers share: {@link io.genai4j.models.train.OptimizerTask} (an inline
 * task given its optimizer), {@link io.genai4j.models.train.BestWeights} (early stopping in memory),
 * {@link io.genai4j.models.train.LossTrace} (the first/last losses a result reports),
 * {@link io.genai4j.models.train.TrainingRun} (the image trainers' settings), and the model files'
 * {@link io.genai4j.models.train.CheckpointFile} and {@link io.genai4j.models.train.ConfigFields}.
 */
package io.genai4j.models.train;
