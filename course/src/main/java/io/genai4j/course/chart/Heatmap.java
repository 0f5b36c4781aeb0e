package io.genai4j.course.chart;

import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;

/**
 * One labelled matrix as a heatmap: rows down the left (e.g. target tokens), columns along the top
 * (e.g. source tokens), cell (i, j) shaded white (0) to dark blue (1) on a square-root scale, as in
 * {@link HeatmapGrid}. The picture of an alignment: which source word each target word looked at.
 */
public final class Heatmap {
    /** Cells larger than this read as blocks, not a matrix. */
    private static final int MAX_CELL = 64;
    private final String title;
    private String subtitle;
    private final List<String> rows, cols;
    private final float[][] values;   // [rows][cols]

    public Heatmap(String title, List<String> rows, List<String> cols, float[][] values) {
        if (values.length != rows.size()) throw new IllegalArgumentException("heatmap has " + values.length + " rows but " + rows.size() + " row labels");
        for (float[] r : values) {
            if (r.length != cols.size()) throw new IllegalArgumentException("heatmap row of " + r.length + " values but " + cols.size() + " column labels");
        }
        if (rows.isEmpty() || cols.isEmpty()) throw new IllegalArgumentException("heatmap needs at least one row and one column");
        this.title = title;
        this.rows = rows;
        this.cols = cols;
        this.values = values;
    }

    public Heatmap subtitle(String s) {
        subtitle = s;
        return this;
    }

    public Path save(Path png) {
        int nr = rows.size(), nc = cols.size();
        Canvas probe = new Canvas(50, 50);
        double titleW = 32 + Math.max(probe.textWidth(title, Canvas.font(16, true)),
                subtitle == null ? 0 : probe.textWidth(subtitle, Canvas.font(12, false)));   // the titles are never cut off
        // Square cells, as large as the picture allows: at least what 720 px over the longer side
        // gives, and grown to fill the width the titles need (a short sentence under a long title
        // used to fill a third of its canvas), without making the picture taller than ~900 px.
        int cell = Math.max(6, Math.min(36, 720 / Math.max(nr, nc)));
        int guessLeft = 20 + 160 + 24;
        int fill = (int) Math.min(MAX_CELL, Math.min((Math.min(8000, titleW) - guessLeft) / nc, Math.max(cell, 900.0 / nr)));
        cell = Math.max(cell, fill);
        Font labelFont = Canvas.font(Math.min(14f, Math.max(8f, cell * 0.45f)), false);
        double rowW = rows.stream().mapToDouble(s -> probe.textWidth(s, labelFont)).max().orElse(10);
        double colW = cols.stream().mapToDouble(s -> probe.textWidth(s, labelFont)).max().orElse(10);
        int labelRows = (int) Math.min(160, rowW + 12), labelCols = (int) Math.min(160, colW + 12);
        int right = 24, bottom = 24, top = 64 + labelCols;
        int w = Math.max((int) Math.min(8000, titleW), Math.max(360, Math.min(8000, 20 + labelRows + nc * cell + right))), h = Math.max(160, Math.min(8000, top + nr * cell + bottom));
        int left = Math.max(20 + labelRows, (w - nc * cell - right + 20 + labelRows) / 2);   // centred in what is left over
        Canvas c = new Canvas(w, h);
        var g = c.graphics();
        c.text(title, 16, 26, Canvas.Anchor.LEFT, Canvas.font(16, true), Canvas.INK);
        if (subtitle != null) c.text(subtitle, 16, 46, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.MUTED);
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nc; j++) {
                g.setColor(HeatmapGrid.shade(values[i][j]));
                g.fill(new Rectangle2D.Double(left + j * cell, top + i * cell, cell, cell));
            }
            c.text(c.fit(rows.get(i), labelFont, labelRows - 8), left - 6, top + i * cell + cell / 2.0 + 4, Canvas.Anchor.RIGHT, labelFont, Canvas.INK);
        }
        for (int j = 0; j < nc; j++) {
            AffineTransform saved = g.getTransform();
            g.translate(left + j * cell + cell / 2.0 + 4, top - 6);
            g.rotate(-Math.PI / 2);
            c.text(c.fit(cols.get(j), labelFont, labelCols - 8), 0, 0, Canvas.Anchor.LEFT, labelFont, Canvas.INK);
            g.setTransform(saved);
        }
        g.setColor(Canvas.GRID);
        g.draw(new Rectangle2D.Double(left, top, nc * cell, nr * cell));
        return c.savePng(png);
    }
}
