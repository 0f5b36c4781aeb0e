package io.genai4j.models.train;

/** When the loop asks the task to save: only on a new best validation figure, or after every evaluation. */
public enum SaveWhen {
    ON_BEST, EVERY_EVAL
}
