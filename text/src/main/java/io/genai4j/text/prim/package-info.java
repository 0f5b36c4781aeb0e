/**
 * Primitive collections without boxing (a growable {@code int[]}, a long-to-int hash map) for token
 * streams and n-gram counting. No genai4j dependencies.
 */
package io.genai4j.text.prim;
