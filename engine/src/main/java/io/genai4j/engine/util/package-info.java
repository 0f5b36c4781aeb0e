/**
 * Small JDK-only helpers every module uses, depending on nothing else in genai4j: values from files made
 * safe to print ({@link io.genai4j.engine.util.Printable}), what is at a path, rounding for reports,
 * progress bars, and durable files: atomic writes that leave either the old or the new file after a
 * crash, the cache folder and its SHA-256 checks. A leaf package: it must not import the rest of the engine.
 */
package io.genai4j.engine.util;
