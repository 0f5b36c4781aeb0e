package io.genai4j.models.ngram.tour;

import io.genai4j.models.ngram.NgramModel;
import io.genai4j.models.ngram.Unit;
import io.genai4j.models.tour.TourContext;

/** The word-level n-gram model the tour's steps share: trained once, up to order 6. */
final class WordModels {
    static final int MAX_ORDER = 6;

    private WordModels() {}

    static NgramModel words(TourContext ctx) {
        return ctx.shared("ngram.word." + MAX_ORDER, () -> NgramModel.train(ctx.corpus(), Unit.WORD, MAX_ORDER));
    }
}
