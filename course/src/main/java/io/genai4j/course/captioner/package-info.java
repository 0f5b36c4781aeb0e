/** Pictures of the captioning lesson: a generated scene with, per generated word, the patches the decoder attended to. */
package io.genai4j.course.captioner;
