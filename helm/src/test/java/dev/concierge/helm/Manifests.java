package dev.concierge.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes objects of one {@code helm template} run, with path look-ups into them. */
record Manifests(List<Map<String, Object>> objects) {

    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[([^\\]]+)]");

    @SuppressWarnings("unchecked")
    static Manifests parse(String rendered) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(rendered)) {
            if (document != null) {
                objects.add((Map<String, Object>) document);
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    /** The one object of this kind (and name suffix, if given); fails the test otherwise. */
    Map<String, Object> the(String kind) {
        List<Map<String, Object>> matches = ofKind(kind);
        assertThat(matches).as("rendered %s objects", kind).hasSize(1);
        return matches.get(0);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(at(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    List<String> kinds() {
        return objects.stream().map(o -> (String) o.get("kind")).toList();
    }

    /**
     * The value at a path like {@code spec.template.spec.containers[0].ports[0].name}, or null;
     * {@code [key]} looks up a map key with dots or slashes, like {@code annotations[checksum/config]}.
     */
    static Object at(Object root, String path) {
        Object current = root;
        Matcher step = STEP.matcher(path);
        while (step.find() && current != null) {
            String key = step.group(1) != null ? step.group(1) : step.group(2);
            if (current instanceof List<?> list && key.matches("\\d+")) {
                int index = Integer.parseInt(key);
                current = index < list.size() ? list.get(index) : null;
            } else {
                current = current instanceof Map<?, ?> map ? map.get(key) : null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, String path) {
        Object value = at(root, path);
        assertThat(value).as(path).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object root, String path) {
        Object value = at(root, path);
        assertThat(value).as(path).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
