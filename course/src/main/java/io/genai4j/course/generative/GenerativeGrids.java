package io.genai4j.course.generative;

import io.genai4j.course.vision.DigitGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/** The grids of the generative lessons, each image a float[H·W] of values in [0, 1]. */
public final class GenerativeGrids {
    private GenerativeGrids() {}

    /** Generated images with optional captions (e.g. the classifier's label), {@code columns} to a row. */
    public static Path samples(Path png, String title, float[][] images, String[] captions, int side, int columns) {
        List<DigitGrid.Cell> cells = new ArrayList<>();
        for (int i = 0; i < images.length; i++) cells.add(new DigitGrid.Cell(images[i], captions == null ? "" : captions[i], false));
        return DigitGrid.save(png, title, cells, side, side, columns);
    }

    /** Inputs and their reconstructions, row by row: an input, then its reconstruction. */
    public static Path reconstructions(Path png, String title, float[][] inputs, float[][] outputs, int side, int columns) {
        if (inputs.length != outputs.length) throw new IllegalArgumentException(inputs.length + " inputs but " + outputs.length + " reconstructions");
        List<DigitGrid.Cell> cells = new ArrayList<>();
        float[] blank = new float[side * side];
        for (int row = 0; row < inputs.length; row += columns) {
            for (int i = row; i < row + columns; i++) cells.add(i < inputs.length ? new DigitGrid.Cell(inputs[i], "input", false) : new DigitGrid.Cell(blank, "", false));
            for (int i = row; i < row + columns; i++) cells.add(i < inputs.length ? new DigitGrid.Cell(outputs[i], "decoded", false) : new DigitGrid.Cell(blank, "", false));
        }
        return DigitGrid.save(png, title, cells, side, side, columns);
    }

    /** Strips of images, one strip per row, each cell captioned with its position t ∈ [0, 1] along the strip. */
    public static Path strips(Path png, String title, List<float[][]> strips, int side) {
        return table(png, title, strips, (row, i) -> strips.get(row).length > 1 ? String.format(Locale.ROOT, "%.2f", (double) i / (strips.get(row).length - 1)) : "", side);
    }

    /**
     * Rows of images, each labelled under its first cell: a GAN's images of one fixed noise batch
     * after each number of updates, so the rows read top to bottom as the training went.
     */
    public static Path progress(Path png, String title, List<float[][]> rows, List<String> labels, int side) {
        if (rows.size() != labels.size()) throw new IllegalArgumentException(rows.size() + " rows but " + labels.size() + " labels");
        return table(png, title, rows, (row, i) -> i == 0 ? labels.get(row) : "", side);
    }

    private static Path table(Path png, String title, List<float[][]> rows, BiFunction<Integer, Integer, String> caption, int side) {
        List<DigitGrid.Cell> cells = new ArrayList<>();
        int columns = 0;
        for (float[][] s : rows) columns = Math.max(columns, s.length);
        for (int row = 0; row < rows.size(); row++) {
            float[][] s = rows.get(row);
            for (int i = 0; i < columns; i++) {
                cells.add(i < s.length ? new DigitGrid.Cell(s[i], caption.apply(row, i), false) : new DigitGrid.Cell(new float[side * side], "", false));
            }
        }
        return DigitGrid.save(png, title, cells, side, side, columns);
    }
}
