package io.genai4j.llm.agent;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names and describes a parameter of a {@link ToolFunction} method or a component of an arguments
 * record (Java keeps parameter names only when compiled with {@code -parameters}, so the name is
 * said here). {@code required = false} leaves it out of the schema's {@code required} list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface Param {
    String value();

    String description() default "";

    boolean required() default true;
}
