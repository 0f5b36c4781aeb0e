package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerExtractorTest {
    final AnswerExtractor number = AnswerExtractor.number();

    @Test
    void theMarkedAnswerWinsOverNumbersInTheReasoning() {
        assertEquals(Optional.of("42"), number.extract("3 boxes of 12 is 36, plus 6 is 42. The answer is 42."));
        assertEquals(Optional.of("17"), number.extract("First 5+5=10... no wait. Answer: 17\nCheck: 17 - 7 = 10"));
        assertEquals(Optional.of("-3"), number.extract("So the answer is **-3**"));
        assertEquals(Optional.of("1250"), number.extract("The answer is $1,250."));
    }

    @Test
    void withoutAMarkerTheLastNumberIsTheAnswerAndEqualNumbersCompareEqual() {
        assertEquals(Optional.of("8"), number.extract("8"));
        assertEquals(Optional.of("12"), number.extract("He has 4 then 12.0"));
        assertEquals(Optional.of("2.5"), number.extract("2.50"));
        assertEquals(Optional.empty(), number.extract("I do not know."));
    }

    @Test
    void aLabelIsTheFirstOneNamedAsAWholeWord() {
        AnswerExtractor sentiment = AnswerExtractor.label(List.of("positive", "negative"));
        assertEquals(Optional.of("negative"), sentiment.extract("NEGATIVE, not positive"));
        assertEquals(Optional.of("positive"), sentiment.extract("Sentiment: Positive."));
        assertEquals(Optional.empty(), sentiment.extract("it is nonpositive-ish? neutral"));
    }
}
