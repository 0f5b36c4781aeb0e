package io.genai4j.models.ngram;

/** One row of a next-token table: the token as shown, its id and its probability. */
public record NextToken(String token, int id, double probability) {}
