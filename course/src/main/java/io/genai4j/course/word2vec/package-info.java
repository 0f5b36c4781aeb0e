/**
 * The word2vec lesson's tour step and the word map picture: vectors on their two principal
 * components, with arrows for analogy pairs.
 */
package io.genai4j.course.word2vec;
