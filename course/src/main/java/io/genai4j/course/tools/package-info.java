/** The tour's tools lesson: the shipped tiny assistant calling the calculator through the agent loop. */
package io.genai4j.course.tools;
