package io.genai4j.llm.agent;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a tool ({@link Tools#fromMethods}): its name (the method's when empty), what
 * it does, and its parameters each annotated with {@link Param}. It returns the result text (any
 * other value is written as JSON).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ToolFunction {
    String name() default "";

    String description();
}
