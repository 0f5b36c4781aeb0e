/**
 * word2vec (skip-gram and CBOW with negative sampling, as the reference tool): training on a word
 * corpus, word vectors with nearest neighbours and analogies, the analogy question set, and PCA for a
 * 2-D map of chosen words.
 */
package io.genai4j.models.word2vec;
