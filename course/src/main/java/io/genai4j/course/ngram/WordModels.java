package io.genai4j.course.ngram;

import io.genai4j.course.tour.TourContext;
import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Unit;

/** The word-level n-gram model the tour's steps share: trained once, up to order 6. */
final class WordModels {
    static final int MAX_ORDER = 6;

    private WordModels() {}

    static NgramModel words(TourContext ctx) {
        return ctx.shared("ngram.word." + MAX_ORDER, () -> NgramModel.train(ctx.corpus(), Unit.WORD, MAX_ORDER));
    }
}
