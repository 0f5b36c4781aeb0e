/**
 * How the CLI renders a training run: a progress bar and one line per evaluation on stderr from
 * the trainers' {@link io.genai4j.models.train.TrainEvent}s, and loss.png. The trainers in models
 * neither print nor draw; this is the only place here that imports the chart classes.
 */
package io.genai4j.cli.train;
