/**
 * The ladder: every model of the course trained and scored on the same char-level split of tiny
 * Shakespeare, so that they land on one scale (nats per character). Rungs come from
 * {@link io.genai4j.course.ladder.LadderProvider}s; the table and the bar chart are drawn here.
 */
package io.genai4j.course.ladder;
