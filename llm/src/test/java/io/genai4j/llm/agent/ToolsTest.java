package io.genai4j.llm.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Tools from lambdas over records and from annotated methods: the derived schema says what the
 * binding accepts (checked by {@link SchemaCheck} on the same arguments), and a bad call fails with
 * a message naming the argument.
 */
class ToolsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    enum Unit { CELSIUS, FAHRENHEIT }

    record Place(String city, @Param(value = "country_code", description = "ISO 3166") String country) {}

    record Forecast(@Param(value = "places", description = "where") List<Place> places, Unit unit, int days, Optional<Boolean> hourly, double[] weights) {}

    @Test
    void aRecordsSchemaHasEveryKindOfType() throws Exception {
        String schema = SchemaOf.type(Forecast.class).toString();
        assertEquals(JSON.readTree("""
                {"type":"object","properties":{
                  "places":{"type":"array","items":{"type":"object","properties":{"city":{"type":"string"},
                      "country_code":{"type":"string","description":"ISO 3166"}},"required":["city","country_code"],"additionalProperties":false},
                      "description":"where"},
                  "unit":{"type":"string","enum":["CELSIUS","FAHRENHEIT"]},
                  "days":{"type":"integer"},
                  "hourly":{"type":"boolean"},
                  "weights":{"type":"array","items":{"type":"number"}}},
                 "required":["places","unit","days","weights"],"additionalProperties":false}"""), JSON.readTree(schema));
    }

    @Test
    void aLambdaToolBindsItsRecordAndTheSchemaAgreesWithTheBinding() throws Exception {
        Tool t = Tools.of("forecast", "Weather", Forecast.class, f -> f.places().getFirst().country() + " " + f.unit() + " " + f.days() + " "
                + f.hourly().orElse(false) + " " + f.weights().length);
        String good = "{\"places\":[{\"city\":\"Paris\",\"country_code\":\"FR\"}],\"unit\":\"CELSIUS\",\"days\":3,\"weights\":[0.5]}";
        assertEquals("FR CELSIUS 3 false 1", t.call(good));
        assertTrue(SchemaCheck.problems(t.spec().parametersSchema(), good).isEmpty());
        for (String bad : List.of("{\"places\":[],\"unit\":\"KELVIN\",\"days\":3,\"weights\":[]}", "{\"places\":[],\"unit\":\"CELSIUS\",\"weights\":[]}",
                "{\"places\":[],\"unit\":\"CELSIUS\",\"days\":3,\"weights\":[],\"extra\":1}", "{\"places\":[{\"city\":\"Paris\"}],\"unit\":\"CELSIUS\",\"days\":3,\"weights\":[]}",
                "{\"places\":[],\"unit\":\"CELSIUS\",\"days\":\"three\",\"weights\":[]}")) {
            assertThrows(IllegalArgumentException.class, () -> t.call(bad), bad);
            assertTrue(!SchemaCheck.problems(t.spec().parametersSchema(), bad).isEmpty(), bad);
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.call("{\"places\":[]}")).getMessage().contains("missing argument 'unit'"));
    }

    public static final class Shelf {
        @ToolFunction(description = "Adds two integers")
        public long add(@Param("a") long a, @Param("b") long b) {
            return a + b;
        }

        @ToolFunction(name = "greet", description = "Says hello")
        public String hello(@Param(value = "name", required = false) String name) {
            return "hello " + (name == null ? "you" : name);
        }
    }

    @Test
    void annotatedMethodsAreTools() throws Exception {
        List<Tool> tools = Tools.fromMethods(new Shelf());
        assertEquals(List.of("add", "greet"), tools.stream().map(Tool::name).toList());
        assertEquals("5", tools.get(0).call("{\"a\": 2, \"b\": 3}"));
        assertEquals("hello you", tools.get(1).call("{}"));
        assertEquals("hello Ada", tools.get(1).call("{\"name\":\"Ada\"}"));
        assertEquals(JSON.readTree("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"integer\"}},\"required\":[\"a\",\"b\"],"
                + "\"additionalProperties\":false}"), JSON.readTree(tools.get(0).spec().parametersSchema()));
    }

    record Loop(List<Loop> children) {}

    @Test
    void typesWithoutAFiniteSchemaAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SchemaOf.type(Loop.class));
        assertThrows(IllegalArgumentException.class, () -> SchemaOf.type(Object.class));
        assertThrows(IllegalArgumentException.class, () -> SchemaCheck.problems("{\"type\":\"string\",\"pattern\":\"a+\"}", "\"a\""));
    }
}
