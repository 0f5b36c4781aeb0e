/**
 * A GIT-style captioner (Wang et al. 2022, "GIT: A Generative Image-to-text Transformer"): one image
 * encoder (a ViT trained here) whose tokens are projected and prepended to the text tokens of one
 * transformer decoder under a single language-modelling loss, for captions and, with the question
 * as a text prefix, for question answering. The data are scenes of coloured MNIST digits generated
 * here with their captions and question/answer pairs from a small grammar.
 */
package io.genai4j.models.captioner;
