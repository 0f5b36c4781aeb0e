package io.genai4j.server.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genai4j.models.attention.AttentionMaps;
import io.genai4j.server.Json;

/** The lessons' data types as the page reads them. */
final class StudioJson {
    private StudioJson() {}

    /** Attention maps as bertviz lays them out: tokens, and weights[layer][head][query][key]. */
    static ObjectNode attention(AttentionMaps maps) {
        ObjectNode o = Json.object().put("model", maps.model()).put("text", maps.text()).put("layers", maps.layers()).put("heads", maps.heads());
        o.set("tokens", Json.MAPPER.valueToTree(maps.tokens()));
        o.set("weights", Json.MAPPER.valueToTree(maps.jsonWeights()));
        return o;
    }
}
