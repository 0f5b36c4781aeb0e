package io.genai4j.llm.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.genai4j.llm.chat.ToolSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tools from Java code, with the JSON Schema of their arguments derived from the types
 * ({@link SchemaOf}): a lambda over an arguments record ({@link #of}), or every
 * {@link ToolFunction} method of an object ({@link #fromMethods}).
 */
public final class Tools {
    private Tools() {}

    /** The body of a tool: the bound arguments in, the result text out; any exception is a tool error. */
    @FunctionalInterface
    public interface Body<A> {
        String apply(A arguments) throws Exception;
    }

    /** A tool whose arguments are one record (its components are the properties). */
    public static <A extends Record> Tool of(String name, String description, Class<A> arguments, Body<A> body) {
        return tool(spec(name, description, arguments), json -> body.apply(read(json, arguments)));
    }

    /**
     * A record read from a JSON object by the rules its {@link #spec} schema describes (components by
     * their {@link Param} names); an error naming what does not fit.
     */
    public static <A extends Record> A read(String json, Class<A> type) {
        return type.cast(Arguments.value(Arguments.parse(json), type));
    }

    /** What a tool does with its arguments (JSON text) once its specification is known. */
    private interface Call {
        String apply(String argumentsJson) throws Exception;
    }

    private static Tool tool(ToolSpec spec, Call call) {
        return new Tool() {
            @Override
            public ToolSpec spec() {
                return spec;
            }

            @Override
            public String call(String json) throws Exception {
                return call.apply(json);
            }
        };
    }

    /** The specification of a tool whose arguments are one record. */
    public static ToolSpec spec(String name, String description, Class<? extends Record> arguments) {
        return new ToolSpec(name, description, SchemaOf.type(arguments).toString());
    }

    /** Every public {@link ToolFunction} method of {@code target}, each parameter named by {@link Param}. */
    public static List<Tool> fromMethods(Object target) {
        List<Tool> out = new ArrayList<>();
        for (Method m : target.getClass().getMethods()) {
            ToolFunction f = m.getAnnotation(ToolFunction.class);
            if (f == null) continue;
            if (Modifier.isStatic(m.getModifiers())) throw new IllegalArgumentException("tool method " + m.getName() + " must not be static");
            out.add(method(target, m, f));
        }
        out.sort(Comparator.comparing(Tool::name));   // getMethods() has no order
        return out;
    }

    private static Tool method(Object target, Method m, ToolFunction f) {
        Parameter[] ps = m.getParameters();
        String[] names = new String[ps.length];
        Type[] types = new Type[ps.length];
        Param[] params = new Param[ps.length];
        for (int i = 0; i < ps.length; i++) {
            params[i] = ps[i].getAnnotation(Param.class);
            if (params[i] == null) throw new IllegalArgumentException("parameter " + (i + 1) + " of tool method " + m.getName() + " needs @Param(\"name\")");
            names[i] = params[i].value();
            types[i] = ps[i].getParameterizedType();
        }
        ToolSpec spec = new ToolSpec(f.name().isEmpty() ? m.getName() : f.name(), f.description(), SchemaOf.object(names, types, params).toString());
        return tool(spec, json -> {
            JsonNode args = Arguments.parse(json);
            Object result;
            try {
                result = m.invoke(target, Arguments.bind(args, names, types, params));
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
            return result instanceof String s ? s : Arguments.JSON.writeValueAsString(result);
        });
    }
}
