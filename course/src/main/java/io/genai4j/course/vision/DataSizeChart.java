package io.genai4j.course.vision;

import io.genai4j.course.chart.LineChart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Test accuracy against training-set size (log₂ axis), one line per model and augmentation setting, mean over seeds. */
public final class DataSizeChart {
    /** One finished run: which line it belongs to, its training-set size and its test accuracy. */
    public record Point(String series, int size, double accuracy) {}

    private DataSizeChart() {}

    public static Path save(Path png, String subtitle, List<Point> points) {
        Map<String, TreeMap<Integer, double[]>> lines = new TreeMap<>();   // series → size → {sum, count}
        for (Point p : points) {
            double[] acc = lines.computeIfAbsent(p.series(), k -> new TreeMap<>()).computeIfAbsent(p.size(), k -> new double[2]);
            acc[0] += p.accuracy();
            acc[1]++;
        }
        LineChart chart = new LineChart("MNIST test accuracy vs training images", "log₂(training images)", "test accuracy").subtitle(subtitle);
        for (var e : lines.entrySet()) {
            double[] x = new double[e.getValue().size()], y = new double[x.length];
            int i = 0;
            for (var s : e.getValue().entrySet()) {
                x[i] = Math.log(s.getKey()) / Math.log(2);
                y[i++] = s.getValue()[0] / s.getValue()[1];
            }
            chart.series(e.getKey(), x, y);
        }
        return chart.save(png);
    }
}
