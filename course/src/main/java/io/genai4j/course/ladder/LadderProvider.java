package io.genai4j.course.ladder;

import java.util.List;

/**
 * How a lesson puts its models on the ladder: implement this, and list the class in
 * {@code META-INF/services/io.genai4j.course.ladder.LadderProvider} of its module. The ladder finds
 * providers with {@link java.util.ServiceLoader}, so a new lesson adds rows without editing it.
 */
public interface LadderProvider {
    List<LadderEntry> entries();
}
