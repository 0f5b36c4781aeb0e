/**
 * The tour: {@code genai tour} runs every lesson's {@link io.genai4j.course.tour.TourStep}s in order,
 * found with {@link java.util.ServiceLoader}, narrates them through a {@link io.genai4j.course.tour.Narrator}
 * and returns their figures for JSON. Steps call the models for data and draw their pictures here.
 */
package io.genai4j.course.tour;
