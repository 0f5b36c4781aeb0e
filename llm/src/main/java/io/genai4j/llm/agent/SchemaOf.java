package io.genai4j.llm.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON Schema of a Java type, as a tool's parameters are described to a model: strings and
 * chars → string; integral types → integer; floating and BigDecimal → number; boolean → boolean;
 * an enum → string with its constants as {@code enum}; a List, Set or array → array of its element
 * type; {@code Optional<T>} → T (not required); a record → object with a property per component
 * (named by {@link Param} when present), all required unless optional, no additional properties.
 * Anything else (maps, interfaces, plain classes) is refused with its name: a schema the model
 * cannot fill in would be worse than none.
 */
public final class SchemaOf {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaOf() {}

    public static ObjectNode type(Type t) {
        return type(t, new IdentityHashMap<>());
    }

    /** An object schema whose properties are the given names and types. */
    static ObjectNode object(String[] names, Type[] types, Param[] params) {
        return object(names, types, params, new IdentityHashMap<>());
    }

    private static ObjectNode object(String[] names, Type[] types, Param[] params, Map<Class<?>, Boolean> open) {
        ObjectNode o = JSON.createObjectNode().put("type", "object");
        ObjectNode props = o.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (int i = 0; i < names.length; i++) {
            ObjectNode p = type(types[i], open);
            Param a = params[i];
            if (a != null && !a.description().isEmpty()) p.put("description", a.description());
            props.set(names[i], p);
            boolean optional = raw(types[i]) == Optional.class || (a != null && !a.required());
            if (!optional) required.add(names[i]);
        }
        if (!required.isEmpty()) o.set("required", required);
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode type(Type t, Map<Class<?>, Boolean> open) {
        Class<?> c = raw(t);
        ObjectNode s = JSON.createObjectNode();
        if (c == String.class || c == char.class || c == Character.class) return s.put("type", "string");
        if (c == int.class || c == long.class || c == short.class || c == byte.class || c == Integer.class || c == Long.class || c == Short.class
                || c == Byte.class || c == BigInteger.class) {
            return s.put("type", "integer");
        }
        if (c == double.class || c == float.class || c == Double.class || c == Float.class || c == BigDecimal.class) return s.put("type", "number");
        if (c == boolean.class || c == Boolean.class) return s.put("type", "boolean");
        if (c.isEnum()) {
            ArrayNode values = s.put("type", "string").putArray("enum");
            for (Object e : c.getEnumConstants()) values.add(((Enum<?>) e).name());
            return s;
        }
        if (c == Optional.class) return type(argument(t, 0), open);
        if (Collection.class.isAssignableFrom(c)) {
            s.put("type", "array").set("items", type(argument(t, 0), open));
            return s;
        }
        if (c.isArray()) {
            Type item = t instanceof GenericArrayType g ? g.getGenericComponentType() : c.getComponentType();
            s.put("type", "array").set("items", type(item, open));
            return s;
        }
        if (c.isRecord()) {
            if (open.put(c, Boolean.TRUE) != null) throw new IllegalArgumentException("record " + c.getName() + " contains itself: no finite schema");
            RecordComponent[] rc = c.getRecordComponents();
            String[] names = new String[rc.length];
            Type[] types = new Type[rc.length];
            Param[] params = new Param[rc.length];
            for (int i = 0; i < rc.length; i++) {
                params[i] = rc[i].getAnnotation(Param.class);
                names[i] = params[i] != null ? params[i].value() : rc[i].getName();
                types[i] = rc[i].getGenericType();
            }
            ObjectNode o = object(names, types, params, open);
            open.remove(c);
            return o;
        }
        throw new IllegalArgumentException("no JSON Schema for " + t.getTypeName()
                + " (tool parameters are strings, numbers, booleans, enums, lists, arrays, Optional and records)");
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) return c;
        if (t instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        if (t instanceof GenericArrayType g) return java.lang.reflect.Array.newInstance(raw(g.getGenericComponentType()), 0).getClass();
        throw new IllegalArgumentException("no JSON Schema for " + t.getTypeName() + " (type variables and wildcards have no schema)");
    }

    private static Type argument(Type t, int i) {
        if (t instanceof ParameterizedType p) return p.getActualTypeArguments()[i];
        throw new IllegalArgumentException("no JSON Schema for raw " + t.getTypeName() + ": say its element type");
    }
}
