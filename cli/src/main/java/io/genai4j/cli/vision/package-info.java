/**
 * {@code genai vision train|eval|attention|compare}: the CNN vs ViT lesson on MNIST. The commands
 * parse options, call io.genai4j.models.vision, print a summary (and with --json one JSON line) and
 * hand pictures to io.genai4j.course.vision.
 */
package io.genai4j.cli.vision;
