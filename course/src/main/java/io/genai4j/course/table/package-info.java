/**
 * Plain-text tables for a terminal: column alignment, width caps, no colour. Used by the tour, the
 * ladder and the CLI.
 */
package io.genai4j.course.table;
