package dev.concierge.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The chart under test, run through Helm in-process (helm-java): {@code helm lint --strict} and
 * {@code helm template} with the chart's defaults or the production-like values of
 * {@code src/test/resources/values-production.yaml}, plus {@code --set} overrides.
 */
final class ConciergeChart {

    static final Path CHART = Path.of("concierge");
    static final Path PRODUCTION_VALUES = Path.of("src", "test", "resources", "values-production.yaml");
    static final Path TARGET = Path.of("target");
    static final String RELEASE = "concierge";
    static final String NAMESPACE = "shop";

    /** Which values file the chart is rendered with. */
    enum Values {
        DEFAULTS(null),
        PRODUCTION(PRODUCTION_VALUES);

        private final Path file;

        Values(Path file) {
            this.file = file;
        }
    }

    private ConciergeChart() {}

    /** {@code helm template} with the values and {@code --set key=value} overrides. */
    static Manifests render(Values values, Map<String, String> sets) {
        TemplateCommand template = template(values);
        for (Map.Entry<String, String> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return Manifests.parse(template.call());
    }

    static Manifests render(Values values) {
        return render(values, Map.of());
    }

    /**
     * {@code helm template} with the values and then a second values file, target/values/{@code
     * name}.yaml, holding {@code overrides}: for values {@code --set} cannot type (it reads 0.995
     * as a string).
     */
    static Manifests render(Values values, String name, String overrides) {
        Path file = TARGET.resolve("values").resolve(name + ".yaml");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, overrides);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Manifests.parse(template(values).withValuesFile(file).call());
    }

    private static TemplateCommand template(Values values) {
        TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        return values.file == null ? template : template.withValuesFile(values.file);
    }

    /**
     * {@code helm lint --strict} with the values. helm-java's lint reads only the chart's own
     * values.yaml, so for other values it lints a copy of the chart whose values.yaml is the
     * defaults merged with the file, as {@code helm lint -f file} would.
     */
    static LintResult lint(Values values) {
        if (values.file == null) {
            return new Helm(CHART).lint().strict().call();
        }
        return lint(values.file.getFileName().toString(), readYaml(values.file));
    }

    /**
     * {@code helm lint --strict} of a copy of the chart (under target/lint/{@code name}) whose
     * values.yaml is the defaults merged with {@code overrides}.
     */
    static LintResult lint(String name, Map<String, Object> overrides) {
        return new Helm(chartWithValues(name, overrides)).lint().strict().call();
    }

    /**
     * {@code --set} overrides as the values map Helm builds from them: dotted keys nest, and
     * "null", "true", "false" and integers are typed as {@code --set} types them.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> setsAsValues(Map<String, String> sets) {
        Map<String, Object> values = new LinkedHashMap<>();
        sets.forEach((key, raw) -> {
            String[] path = key.split("\\.");
            Map<String, Object> parent = values;
            for (int i = 0; i < path.length - 1; i++) {
                parent = (Map<String, Object>) parent.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
            }
            parent.put(path[path.length - 1], typed(raw));
        });
        return values;
    }

    private static Object typed(String raw) {
        if (raw.equals("null")) {
            return null;
        }
        if (raw.equals("true") || raw.equals("false")) {
            return Boolean.valueOf(raw);
        }
        if (raw.matches("-?[0-9]+")) {
            return Long.valueOf(raw);
        }
        return raw;
    }

    private static Path chartWithValues(String name, Map<String, Object> overrides) {
        Path copy = TARGET.resolve("lint")
                .resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"))
                .resolve(CHART);
        try {
            deleteRecursively(copy);
            try (Stream<Path> files = Files.walk(CHART)) {
                for (Path source : (Iterable<Path>) files::iterator) {
                    Path destination = copy.resolve(CHART.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination);
                    }
                }
            }
            Map<String, Object> merged = merge(readYaml(CHART.resolve("values.yaml")), overrides);
            DumperOptions options = new DumperOptions();
            options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
            Files.writeString(copy.resolve("values.yaml"), new Yaml(options).dump(merged));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Values files' coalescing: maps merge key by key, anything else (null too) replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> defaults, Map<String, Object> overrides) {
        Map<String, Object> merged = new LinkedHashMap<>(defaults);
        overrides.forEach((key, value) -> {
            if (value instanceof Map<?, ?> override && merged.get(key) instanceof Map<?, ?> base) {
                merged.put(key, merge((Map<String, Object>) base, (Map<String, Object>) override));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            return new Yaml(new LoaderOptions()).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
