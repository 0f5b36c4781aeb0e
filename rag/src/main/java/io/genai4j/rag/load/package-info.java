/**
 * Documents from files: plain text, Markdown (commonmark-java), HTML (jsoup) and PDF (Apache PDFBox)
 * become a {@link io.genai4j.rag.load.Document}: its source path, a title, and blocks (paragraphs,
 * list items, code) under their heading trail, the structure the splitter respects. A folder is read
 * recursively without following links out of its root, under size limits; a file that cannot be read
 * is reported to a {@link io.genai4j.rag.load.LoadListener} and skipped, never fatal.
 */
package io.genai4j.rag.load;
