package io.genai4j.llm.grammar;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/** The test-scope oracle: networknt's JSON Schema validator (draft 2020-12, formats asserted). */
final class SchemaOracle {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Schema schema;

    SchemaOracle(String schemaJson) {
        this.schema = REGISTRY.getSchema(schemaJson, InputFormat.JSON);
    }

    /** The validator's errors for a document (empty: valid); a parse failure is an error too. */
    List<String> errors(String json) {
        try {
            List<Error> errors = schema.validate(json, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
            return errors.stream().map(Error::toString).toList();
        } catch (RuntimeException e) {
            return List.of("not parseable: " + e);
        }
    }
}
