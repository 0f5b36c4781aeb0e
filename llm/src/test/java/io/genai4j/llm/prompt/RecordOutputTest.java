package io.genai4j.llm.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genai4j.engine.DType;
import io.genai4j.llm.GenerationOptions;
import io.genai4j.llm.agent.Param;
import io.genai4j.llm.chat.ChatMessage;
import io.genai4j.llm.chat.ChatRequest;
import io.genai4j.llm.chat.LocalChatModel;
import io.genai4j.llm.chat.ResponseFormat;
import io.genai4j.models.llama.Arch;
import io.genai4j.models.llama.LoadedModel;
import io.genai4j.models.llama.ModelLoader;
import io.genai4j.models.llama.TinyModels;
import io.genai4j.models.sampling.Penalties;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordOutputTest {
    enum Sentiment { POSITIVE, NEGATIVE }

    record Verdict(@Param("label") Sentiment label, @Param("confidence") int confidence, List<String> cues) {}

    /** Only finite choices, so that even random weights finish the JSON within the token budget. */
    record Flags(Sentiment label, boolean sarcastic) {}

    static final ChatRequest ASK = ChatRequest.of(List.of(ChatMessage.user("Classify: a fine film")), GenerationOptions.greedy(120));

    @Test
    void theRequestCarriesTheRecordsSchemaAndTheJsonBindsBack() {
        FakeChatModel m = new FakeChatModel(r -> "{\"label\":\"POSITIVE\",\"confidence\":9,\"cues\":[\"fine\"]}");
        RecordOutput.Parsed<Verdict> p = RecordOutput.ask(m, ASK, Verdict.class);
        assertEquals(new Verdict(Sentiment.POSITIVE, 9, List.of("fine")), p.value());
        ResponseFormat f = m.requests.getFirst().responseFormat();
        assertEquals(ResponseFormat.Kind.JSON_SCHEMA, f.kind());
        assertEquals(RecordOutput.schema(Verdict.class), f.schema());
        assertTrue(f.schema().contains("\"enum\":[\"POSITIVE\",\"NEGATIVE\"]"), f.schema());
    }

    @Test
    void anAnswerThatDoesNotFitIsAnErrorNamingWhatIsWrong() {
        FakeChatModel m = new FakeChatModel(r -> "{\"label\":\"MEH\",\"confidence\":9,\"cues\":[]}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RecordOutput.ask(m, ASK, Verdict.class));
        assertTrue(e.getMessage().contains("Verdict") && e.getMessage().contains("label"), e.getMessage());
    }

    /** The point of the grammar engine: even a model with random weights can only write a record. */
    @Test
    void aRandomWeightModelUnderTheGrammarAlwaysYieldsARecord(@TempDir Path tmp) throws Exception {
        try (LoadedModel lm = ModelLoader.load(TinyModels.writeGguf(tmp, Arch.LLAMA, 3, DType.F32))) {
            LocalChatModel model = new LocalChatModel(lm, "tiny", 1);
            for (int seed = 0; seed < 3; seed++) {
                GenerationOptions o = new GenerationOptions(300, 1f, 0, 1f, 0f, Penalties.NONE, seed, List.of(), true);
                RecordOutput.Parsed<Flags> p = RecordOutput.ask(model, ASK.withOptions(o), Flags.class);
                assertTrue(p.value().label() != null, p.response().message().content());
            }
        }
    }
}
