package dev.concierge.load.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics table of a Gatling report ({@code index.html}): per request name, the counts and
 * the percentiles the load tests' gatling.conf asks for (50, 95, 99, 99.9).
 */
record GatlingStats(
        String name,
        long total,
        long ok,
        long ko,
        long min,
        long p50,
        long p95,
        long p99,
        long p999,
        long max,
        long mean) {

    private static final Pattern ROW = Pattern.compile(
            "class=\"ellipsed-name\">([^<]*)</span>.*?((?:<td class=\"value [^\"]*\">[^<]*</td>\\s*){13})",
            Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*\">([^<]*)</td>");

    /** Every request's row of the report in {@code directory}, by request name. */
    static Map<String, GatlingStats> read(Path directory) throws IOException {
        String html = Files.readString(directory.resolve("index.html"), StandardCharsets.UTF_8);
        Map<String, GatlingStats> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String name = unescape(row.group(1));
            Matcher cell = CELL.matcher(row.group(2));
            long[] values = new long[13];
            for (int i = 0; i < 13 && cell.find(); i++) {
                values[i] = number(cell.group(1));
            }
            // Columns: total, OK, KO, % KO, count/s, min, p50, p95, p99, p99.9, max, mean, std dev.
            rows.putIfAbsent(
                    name,
                    new GatlingStats(
                            name,
                            values[0],
                            values[1],
                            values[2],
                            values[5],
                            values[6],
                            values[7],
                            values[8],
                            values[9],
                            values[10],
                            values[11]));
        }
        if (rows.isEmpty()) {
            throw new IOException("No statistics table in " + directory.resolve("index.html"));
        }
        return rows;
    }

    private static long number(String text) {
        String clean = text.replace(",", "").strip();
        if (clean.isEmpty() || clean.equals("-")) {
            return 0;
        }
        return Math.round(Double.parseDouble(clean));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&#39;", "'");
    }
}
