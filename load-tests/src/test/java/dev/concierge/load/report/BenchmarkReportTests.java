package dev.concierge.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report reads Gatling's own statistics table and writes RESULTS.md and a real PNG from it. */
class BenchmarkReportTests {

    @TempDir
    Path directory;

    private static Path fixture() throws URISyntaxException {
        return Path.of(BenchmarkReportTests.class
                        .getResource("/report-fixture/comparison/index.html")
                        .toURI())
                .getParent();
    }

    @Test
    void gatlingStats_readsEveryRequestRowOfTheReport() throws Exception {
        Map<String, GatlingStats> stats = GatlingStats.read(fixture());

        assertThat(stats).containsOnlyKeys("home (warm-up)", "home");
        GatlingStats home = stats.get("home");
        assertThat(List.of(home.total(), home.ok(), home.ko(), home.min(), home.p50(), home.p95(), home.p99()))
                .containsExactly(1800L, 1800L, 0L, 6L, 23L, 296L, 662L);
    }

    @Test
    void markdown_aStepOverBudget_isNotTheHighestWithinBudget() throws Exception {
        GatlingStats stats = GatlingStats.read(fixture()).get("home");
        List<Step> steps = List.of(
                new Step("medium", "warm", "home", 40, 45, "reports/a", stats),
                new Step("medium", "warm", "typename", 40, 45, "reports/b", stats));

        assertThat(BenchmarkReport.markdown("x", "m", new Step.Budget(662, 296), steps, "c.png"))
                .contains("| medium | warm | 40 | 40 | none | 100 % | – |");
        assertThat(BenchmarkReport.markdown("x", "m", new Step.Budget(661, 296), steps, "c.png"))
                .contains("| medium | warm | none | none | none | – | – |")
                .contains("| medium | warm | home | 40 | 40 | 23 | 296 | 662 | 898 | 0 | no |");
    }

    @Test
    void gatlingStats_notAReport_fails() throws IOException {
        Files.writeString(directory.resolve("index.html"), "<html>no table</html>");

        assertThatThrownBy(() -> GatlingStats.read(directory))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No statistics table");
    }

    @Test
    void main_writesResultsAndChartFromTheManifest() throws Exception {
        Path reports = Files.createDirectories(directory.resolve("reports"));
        // The same report as two ramp steps, at 40 and 80 req/s offered.
        for (String step : List.of("a", "b")) {
            Path report = Files.createDirectories(reports.resolve(step));
            Files.copy(fixture().resolve("index.html"), report.resolve("index.html"));
        }
        Path manifest = directory.resolve("runs.csv");
        Files.writeString(
                manifest,
                "# data,cache,rate,seconds,reportDirectory\nsmall,warm,40,45,reports/a\nsmall,warm,80,45,reports/b\n");
        Files.writeString(directory.resolve("machine.txt"), "CPU: test");
        Path results = directory.resolve("RESULTS.md");
        Path chart = directory.resolve("chart.png");

        BenchmarkReport.main(new String[] {
            "--runs", manifest.toString(),
            "--machine", directory.resolve("machine.txt").toString(),
            "--out", results.toString(),
            "--chart", chart.toString(),
            "--label", "Test run",
            "--p99", "700",
            "--p95", "300"
        });

        String markdown = Files.readString(results);
        assertThat(markdown)
                .contains("**Test run**")
                .contains("CPU: test")
                .contains("| small | warm | 80 | none | none | – | – |")
                .contains("| small | warm | home | 40 | 40 | 23 | 296 | 662 | 898 | 0 | yes |")
                .contains("| small | warm | home | 80 | 40 | 23 | 296 | 662 | 898 | 0 | yes |")
                .contains("![p99 and throughput against offered rate](chart.png)")
                .contains("- `reports/a`");
        BufferedImage image = ImageIO.read(chart.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(520);
    }
}
