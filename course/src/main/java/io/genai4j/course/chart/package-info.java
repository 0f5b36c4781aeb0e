/**
 * Charts as PNG with AWT (line, bar, scatter, heatmaps and heatmap grids), and the axes, palette and
 * label placement they share. The only drawing code of genai4j: the libraries below return numbers.
 */
package io.genai4j.course.chart;
