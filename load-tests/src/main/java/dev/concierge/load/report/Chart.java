package dev.concierge.load.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * The results chart, drawn with Java2D from the steps: p99 against offered rate (with the budget),
 * and throughput against offered rate (with the line where throughput equals the offer), one line
 * per target.
 */
final class Chart {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 520;
    private static final Map<String, Color> COLOURS =
            Map.of("home", new Color(0xC0392B), "typename", new Color(0x2E86C1), "bench", new Color(0x27AE60));

    private Chart() {}

    static void write(String title, Map<String, List<Step>> byTarget, Step.Budget budget, Path file)
            throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 26);

        double maxRate = 1;
        double maxP99 = budget.p99Ms() * 2.0;
        double maxThroughput = 1;
        for (List<Step> steps : byTarget.values()) {
            for (Step step : steps) {
                maxRate = Math.max(maxRate, step.rate());
                maxP99 = Math.max(maxP99, step.stats().p99());
                maxThroughput = Math.max(maxThroughput, step.throughput());
            }
        }
        maxThroughput = Math.max(maxThroughput, maxRate);
        // p99 on a log scale from 1 ms to the next power of ten: a step far over budget stays readable.
        double decades = Math.ceil(Math.log10(Math.max(10, maxP99)));
        Panel latency =
                new Panel(70, 60, 500, 380, maxRate, decades, true, "offered rate (req/s)", "p99 (ms, log scale)");
        Panel throughput = new Panel(
                680, 60, 500, 380, maxRate, maxThroughput, false, "offered rate (req/s)", "throughput (req/s)");
        latency.axes(g);
        throughput.axes(g);
        // The budget, and the line where every offered request is served.
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
        latency.line(g, 0, budget.p99Ms(), maxRate, budget.p99Ms());
        g.drawString("budget p99 " + budget.p99Ms() + " ms", latency.x + 8, latency.y(budget.p99Ms()) - 6);
        throughput.line(g, 0, 0, maxRate, maxRate);
        g.drawString("throughput = offer", throughput.x + 8, throughput.y(0) - 30);

        int legend = 0;
        for (Map.Entry<String, List<Step>> entry : byTarget.entrySet()) {
            Color colour = COLOURS.getOrDefault(entry.getKey(), Color.DARK_GRAY);
            g.setColor(colour);
            g.setStroke(new BasicStroke(2.5f));
            latency.series(g, entry.getValue(), step -> step.stats().p99());
            throughput.series(g, entry.getValue(), Step::throughput);
            g.fillRect(70 + legend * 340, HEIGHT - 30, 14, 14);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.drawString(label(entry.getKey()), 90 + legend * 340, HEIGHT - 18);
            legend++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    static String label(String target) {
        return switch (target) {
            case "home" -> "home page (GraphQL)";
            case "typename" -> "{ __typename } (GraphQL floor)";
            case "bench" -> "precomputed page (WebFlux ceiling)";
            default -> target;
        };
    }

    /**
     * A plotting area, x linear from zero; y linear from zero to {@code maxY}, or with {@code log}
     * from 1 to 10^{@code maxY}.
     */
    private record Panel(
            int x,
            int top,
            int width,
            int height,
            double maxX,
            double maxY,
            boolean log,
            String xLabel,
            String yLabel) {

        int px(double value) {
            return x + (int) Math.round(value / maxX * width);
        }

        int y(double value) {
            double scaled = log ? Math.log10(Math.max(1, value)) : value;
            return top + height - (int) Math.round(Math.min(scaled, maxY) / maxY * height);
        }

        void line(Graphics2D g, double x1, double y1, double x2, double y2) {
            g.drawLine(px(x1), y(y1), px(x2), y(y2));
        }

        void axes(Graphics2D g) {
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawRect(x, top, width, height);
            for (int i = 0; i <= 5; i++) {
                double xv = maxX * i / 5;
                g.setColor(new Color(0xE5E5E5));
                g.drawLine(px(xv), top, px(xv), top + height);
                g.setColor(Color.BLACK);
                g.drawString(format(xv), px(xv) - 12, top + height + 16);
            }
            int ticks = log ? (int) maxY : 5;
            for (int i = 0; i <= ticks; i++) {
                double yv = log ? Math.pow(10, i) : maxY * i / 5;
                g.setColor(new Color(0xE5E5E5));
                g.drawLine(x, y(yv), x + width, y(yv));
                g.setColor(Color.BLACK);
                g.drawString(format(yv), x - 48, y(yv) + 4);
            }
            g.drawString(xLabel, x + width / 2 - 50, top + height + 34);
            g.drawString(yLabel, x, top - 8);
        }

        void series(Graphics2D g, List<Step> steps, ToDoubleFunction<Step> value) {
            Step previous = null;
            for (Step step : steps) {
                int sx = px(step.rate());
                int sy = y(value.applyAsDouble(step));
                g.fillOval(sx - 4, sy - 4, 8, 8);
                if (previous != null) {
                    g.drawLine(px(previous.rate()), y(value.applyAsDouble(previous)), sx, sy);
                }
                previous = step;
            }
        }

        private static String format(double value) {
            return value >= 100
                    ? String.format(Locale.ROOT, "%,.0f", value)
                    : String.format(Locale.ROOT, "%.1f", value);
        }
    }
}
