package dev.concierge.personalization.recommendation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Just enough of a JSON reader to check the evaluation's output: objects, strings without escapes
 * and numbers (as {@link BigDecimal}). Throws on anything else, including duplicate keys.
 */
final class MiniJson {

    private final String text;
    private int at;

    private MiniJson(String text) {
        this.text = text;
    }

    static Map<String, Object> parseObject(String json) {
        MiniJson reader = new MiniJson(json);
        Map<String, Object> object = reader.object();
        if (reader.at != json.length()) {
            throw reader.error("trailing text");
        }
        return object;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> object = new LinkedHashMap<>();
        if (peek() == '}') {
            at++;
            return object;
        }
        while (true) {
            String key = string();
            expect(':');
            Object value = peek() == '{' ? object() : number();
            if (object.put(key, value) != null) {
                throw error("duplicate key " + key);
            }
            char next = text.charAt(at++);
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                throw error("expected , or }");
            }
        }
    }

    private String string() {
        expect('"');
        int end = text.indexOf('"', at);
        if (end < 0 || text.substring(at, end).contains("\\")) {
            throw error("bad string");
        }
        String value = text.substring(at, end);
        at = end + 1;
        return value;
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "-+.eE0123456789".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private char peek() {
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(at);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected " + c);
        }
        at++;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at " + at + " in " + text);
    }
}
