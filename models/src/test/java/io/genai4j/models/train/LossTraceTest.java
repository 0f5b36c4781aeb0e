package io.genai4j.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossTraceTest {
    @Test
    void keepsTheFirstAndLastStepLossAndTheLastValidationAndPassesEveryEventOn() {
        List<TrainEvent> seen = new ArrayList<>();
        LossTrace trace = new LossTrace(seen::add);
        assertTrue(Double.isNaN(trace.first()) && Double.isNaN(trace.last()) && Double.isNaN(trace.lastVal()));
        List<TrainEvent> events = List.of(
                new TrainEvent.Eval(0, Double.NaN, 3.0, 0, true),
                new TrainEvent.Step(1, 2.5, 1e-3, 4, 0.1),
                new TrainEvent.Step(2, 2.0, 1e-3, 4, 0.2),
                new TrainEvent.Eval(2, 2.2, 1.9, 0.2, true),
                new TrainEvent.Step(3, 1.5, 1e-3, 4, 0.3));
        events.forEach(trace::on);
        assertEquals(2.5, trace.first());
        assertEquals(1.5, trace.last());
        assertEquals(1.9, trace.lastVal());
        assertEquals(events, seen);
    }
}
