package io.genai4j.course.chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid of square heatmaps sharing row and column labels: attention weights of every layer (rows
 * of the grid) and head (columns), bertviz's "model view" as a still picture. Cell (i, j) of a
 * heatmap is how much query token i attends to key token j; colour runs from white (0) to dark
 * blue (1) on a square-root scale, so small weights stay visible. Query tokens label the left
 * edge of the first column, key tokens the bottom edge of the last row.
 */
public final class HeatmapGrid {
    private final String title;
    private String subtitle;
    private final List<String> rowLabels, colLabels, tokens;
    private final float[][][][] maps;   // [gridRow][gridCol][i][j]

    public HeatmapGrid(String title, List<String> rowLabels, List<String> colLabels, List<String> tokens, float[][][][] maps) {
        if (maps.length != rowLabels.size() || maps.length == 0 || maps[0].length != colLabels.size()) {
            throw new IllegalArgumentException("heatmap grid is " + maps.length + " x " + (maps.length == 0 ? 0 : maps[0].length)
                    + " but has " + rowLabels.size() + " row and " + colLabels.size() + " column labels");
        }
        this.title = title;
        this.rowLabels = rowLabels;
        this.colLabels = colLabels;
        this.tokens = tokens;
        this.maps = maps;
    }

    public HeatmapGrid subtitle(String s) {
        subtitle = s;
        return this;
    }

    public Path save(Path png) {
        int t = tokens.size();
        int rows = maps.length, cols = maps[0].length;
        // Pixels per token: at least 7 so every row and column can carry its token label.
        int cell = Math.max(7, Math.min(16, 240 / Math.max(t, 1)));
        int side = cell * t, gap = 10;
        Font labelFont = Canvas.font(Math.min(11f, Math.max(7f, cell - 1)), false);
        int labelW = 14 + Math.min(120, 7 * tokens.stream().mapToInt(String::length).max().orElse(1));
        int left = 84 + labelW, top = 80, bottom = labelW + 20, right = 20;
        int w = Math.min(8000, left + cols * (side + gap) + right), h = Math.min(8000, top + rows * (side + gap) + bottom);
        Canvas c = new Canvas(Math.max(w, 400), Math.max(h, 200));
        var g = c.graphics();
        c.text(title, 16, 28, Canvas.Anchor.LEFT, Canvas.font(17, true), Canvas.INK);
        if (subtitle != null) c.text(subtitle, 16, 48, Canvas.Anchor.LEFT, Canvas.font(12, false), Canvas.MUTED);
        boolean tokenLabels = cell >= 7;
        // Head titles in the layer labels' size and ink: at 11 px grey their small letters were ~6 px, unreadable.
        Font headFont = Canvas.font(15, true);
        for (int r = 0; r < rows; r++) {
            int y0 = top + r * (side + gap);
            c.text(rowLabels.get(r), 12, y0 + side / 2.0 + 5, Canvas.Anchor.LEFT, headFont, Canvas.INK);
            for (int col = 0; col < cols; col++) {
                int x0 = left + col * (side + gap);
                if (r == 0) c.text(c.fit(colLabels.get(col), headFont, side + gap - 2), x0 + side / 2.0, top - 9, Canvas.Anchor.CENTER, headFont, Canvas.INK);
                float[][] m = maps[r][col];
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        g.setColor(shade(m[i][j]));
                        g.fill(new Rectangle2D.Double(x0 + j * cell, y0 + i * cell, cell, cell));
                    }
                }
                g.setColor(Canvas.GRID);
                g.draw(new Rectangle2D.Double(x0, y0, side, side));
            }
            if (tokenLabels) {
                for (int i = 0; i < t; i++) c.text(c.fit(tokens.get(i), labelFont, labelW - 6), left - 6, y0 + i * cell + cell - 2, Canvas.Anchor.RIGHT, labelFont, Canvas.INK);
            }
        }
        if (tokenLabels) {
            int yb = top + rows * (side + gap) - gap + 6;
            for (int col = 0; col < cols; col++) {
                int x0 = left + col * (side + gap);
                for (int j = 0; j < t; j++) {
                    AffineTransform saved = g.getTransform();
                    g.translate(x0 + j * cell + cell - 2, yb);
                    g.rotate(Math.PI / 2);
                    c.text(c.fit(tokens.get(j), labelFont, labelW - 6), 0, 0, Canvas.Anchor.LEFT, labelFont, Canvas.INK);
                    g.setTransform(saved);
                }
                if (cols > 4) break;   // with many heads, label the first column's keys only
            }
        }
        return c.savePng(png);
    }

    /** White → dark blue on a square-root scale of a weight in [0, 1]. */
    static Color shade(float v) {
        double a = Math.sqrt(Math.max(0, Math.min(1, v)));
        int r = (int) Math.round(255 - a * (255 - 0x08)), gr = (int) Math.round(255 - a * (255 - 0x30)), b = (int) Math.round(255 - a * (255 - 0x6b));
        return new Color(r, gr, b);
    }
}
