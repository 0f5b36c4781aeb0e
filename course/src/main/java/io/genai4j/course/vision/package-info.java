/**
 * Pictures for the CNN vs ViT lesson: grids of digits with their labels and predictions, the ViT's
 * class-token attention over the patches as a heat overlay per layer, the accuracy-vs-data-size
 * chart, and reading a PNG the user drew as a 28×28 grey digit. The models return data
 * (io.genai4j.models.vision); this package only draws and reads pictures.
 */
package io.genai4j.course.vision;
