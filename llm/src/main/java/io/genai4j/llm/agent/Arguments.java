package io.genai4j.llm.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.genai4j.engine.util.Printable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * Binds a tool call's JSON arguments to Java values by the same rules {@link SchemaOf} describes
 * them: properties by their {@link Param} names, a missing required one or an unknown one an error
 * naming it (the agent loop feeds it back to the model), {@code Optional} empty when absent.
 */
final class Arguments {
    static final ObjectMapper JSON = new ObjectMapper();

    private Arguments() {}

    static JsonNode parse(String arguments) {
        try {
            JsonNode n = JSON.readTree(arguments);
            if (n == null || !n.isObject()) throw new IllegalArgumentException("the arguments are not a JSON object: " + Printable.of(arguments));
            return n;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the arguments are not valid JSON: " + Printable.of(arguments) + " (" + e.getOriginalMessage() + ")");
        }
    }

    /** The values of named parameters read from an object (what a method or a record constructor takes). */
    static Object[] bind(JsonNode object, String[] names, Type[] types, Param[] params) {
        Set<String> known = new HashSet<>();
        Object[] out = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            known.add(names[i]);
            JsonNode v = object.get(names[i]);
            boolean optional = SchemaOf.raw(types[i]) == Optional.class;
            if (v == null || v.isNull()) {
                if (optional) out[i] = Optional.empty();
                else if (params[i] != null && !params[i].required()) out[i] = null;
                else throw new IllegalArgumentException("missing argument '" + names[i] + "'");
                continue;
            }
            try {
                out[i] = optional ? Optional.of(value(v, ((java.lang.reflect.ParameterizedType) types[i]).getActualTypeArguments()[0]))
                        : value(v, types[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("argument '" + names[i] + "': " + e.getMessage());
            }
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) throw new IllegalArgumentException("unknown argument " + Printable.of(f) + " (expected " + String.join(", ", names) + ")");
        }
        return out;
    }

    static Object value(JsonNode v, Type t) {
        Class<?> c = SchemaOf.raw(t);
        if (c.isRecord()) {
            if (!v.isObject()) throw new IllegalArgumentException("expected an object, got " + Printable.of(v.toString()));
            RecordComponent[] rc = c.getRecordComponents();
            String[] names = new String[rc.length];
            Type[] types = new Type[rc.length];
            Param[] params = new Param[rc.length];
            Class<?>[] raw = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                params[i] = rc[i].getAnnotation(Param.class);
                names[i] = params[i] != null ? params[i].value() : rc[i].getName();
                types[i] = rc[i].getGenericType();
                raw[i] = rc[i].getType();
            }
            Object[] values = bind(v, names, types, params);
            try {
                var constructor = c.getDeclaredConstructor(raw);
                constructor.setAccessible(true);   // a record declared package-private (in a test, a lesson) is as bindable as a public one
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof IllegalArgumentException iae) throw iae;
                throw new IllegalStateException("cannot build " + c.getName(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + c.getName(), e);
            }
        }
        if (java.util.Collection.class.isAssignableFrom(c) || c.isArray()) {
            // element by element, so records inside lists bind by their @Param names too
            if (!v.isArray()) throw new IllegalArgumentException("expected an array, got " + Printable.of(v.toString()));
            Type item = c.isArray() ? (t instanceof java.lang.reflect.GenericArrayType g ? g.getGenericComponentType() : c.getComponentType())
                    : ((java.lang.reflect.ParameterizedType) t).getActualTypeArguments()[0];
            if (c.isArray()) {
                Object array = java.lang.reflect.Array.newInstance(SchemaOf.raw(item), v.size());
                for (int i = 0; i < v.size(); i++) java.lang.reflect.Array.set(array, i, value(v.get(i), item));
                return array;
            }
            java.util.Collection<Object> out = java.util.Set.class.isAssignableFrom(c) ? new java.util.LinkedHashSet<>() : new java.util.ArrayList<>();
            for (JsonNode e : v) out.add(value(e, item));
            return out;
        }
        try {
            return JSON.convertValue(v, JSON.constructType(t));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected " + SchemaOf.type(t).get("type").asText() + ", got " + Printable.of(v.toString()));
        }
    }
}
