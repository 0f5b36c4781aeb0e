/**
 * What the seq2seq and transformer commands share: data options, training, translating, BLEU
 * evaluation and attention pictures of a translation checkpoint. Options are parsed and checked
 * here; the work is done by the libraries.
 */
package io.genai4j.cli.translate;
