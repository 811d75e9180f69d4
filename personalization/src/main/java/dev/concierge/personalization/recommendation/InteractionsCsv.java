package dev.concierge.personalization.recommendation;

import dev.concierge.personalization.ConciergeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads interactions from CSV, for the offline evaluation: a header line naming the columns
 * {@code user}, {@code item} and {@code timestamp} (any order, any case; other columns are
 * ignored), and optionally {@code signal} ({@code PURCHASE}, {@code ADD_TO_CART} or {@code VIEW};
 * empty or absent means a purchase). Fields may be quoted ({@code "a,b"}, {@code ""} for a quote);
 * blank lines are skipped; rows may repeat.
 *
 * <p>A timestamp is an ISO-8601 date ({@code 2024-05-01}, the start of the day in UTC), a date-time
 * with an offset ({@code 2024-05-01T10:15:00+02:00}, {@code …Z}, optionally with a zone id in
 * brackets), a local date-time taken as UTC ({@code 2024-05-01T10:15:00}, also with a space for the
 * {@code T}), or an integer of epoch seconds.
 *
 * <p>A bad file throws {@link ConciergeException#badInput} with the 1-based line number as its path
 * ({@code line 7}) and what was wrong.
 */
public final class InteractionsCsv {

    static final String EXPECTED_TIMESTAMP = "expected ISO-8601 date or date-time, or epoch seconds";

    /** Epoch seconds beyond this (the year 5138) are almost certainly milliseconds. */
    private static final long MAX_EPOCH_SECONDS = 100_000_000_000L;

    private static final int MAX_QUOTED = 40;

    private InteractionsCsv() {}

    /** Reads every row; the reader is read to the end but not closed. */
    public static List<Interaction> read(Reader reader) {
        BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        try {
            return read(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Interaction> read(BufferedReader lines) throws IOException {
        int number = 0;
        String line;
        do {
            line = lines.readLine();
            number++;
            if (line == null) {
                throw ConciergeException.badInput(
                        "line " + number, "empty file: expected a header with the columns user, item and timestamp");
            }
        } while (line.isBlank());
        Header header = Header.parse(stripByteOrderMark(line), number);

        List<Interaction> interactions = new ArrayList<>();
        Map<String, String> strings = new HashMap<>();
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            List<String> fields = fields(line, number);
            if (fields.size() != header.columns) {
                throw ConciergeException.badInput(
                        "line " + number,
                        "expected " + header.columns + " columns as in the header, found " + fields.size());
            }
            String user = required(fields.get(header.user), "user", number);
            String item = required(fields.get(header.item), "item", number);
            Instant at = timestamp(required(fields.get(header.timestamp), "timestamp", number), number);
            Interaction.Signal signal =
                    header.signal < 0 ? Interaction.Signal.PURCHASE : signal(fields.get(header.signal), number);
            // one String per distinct id, not one per row
            interactions.add(new Interaction(
                    strings.computeIfAbsent(user, s -> s), strings.computeIfAbsent(item, s -> s), at, signal));
        }
        if (interactions.isEmpty()) {
            throw ConciergeException.badInput(
                    "line " + (number + 1), "no data rows: expected at least one interaction after the header");
        }
        return interactions;
    }

    /** Parses a timestamp in one of the accepted forms, or throws a bad-input error for the line. */
    static Instant timestamp(String text, int line) {
        String value = text.strip();
        if (isInteger(value)) {
            long seconds;
            try {
                seconds = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw badTimestamp(value, line);
            }
            if (Math.abs(seconds) > MAX_EPOCH_SECONDS) {
                throw ConciergeException.badInput(
                        "line " + line,
                        "bad timestamp " + quoted(value) + " (epoch seconds too large: milliseconds? "
                                + EXPECTED_TIMESTAMP + ")");
            }
            return Instant.ofEpochSecond(seconds);
        }
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            String iso = value.length() > 10 && value.charAt(10) == ' '
                    ? value.substring(0, 10) + 'T' + value.substring(11)
                    : value;
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, ZonedDateTime::from, LocalDateTime::from);
            return parsed instanceof ZonedDateTime zoned
                    ? zoned.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw badTimestamp(value, line);
        }
    }

    private static ConciergeException badTimestamp(String value, int line) {
        return ConciergeException.badInput(
                "line " + line, "bad timestamp " + quoted(value) + " (" + EXPECTED_TIMESTAMP + ")");
    }

    private static boolean isInteger(String value) {
        if (value.isEmpty()) {
            return false;
        }
        int start = value.charAt(0) == '-' ? 1 : 0;
        if (start == value.length()) {
            return false;
        }
        for (int i = start; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Interaction.Signal signal(String text, int line) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Interaction.Signal.PURCHASE;
        }
        String name = value.toUpperCase(Locale.ROOT).replace('-', '_');
        for (Interaction.Signal signal : Interaction.Signal.values()) {
            if (signal.name().equals(name)) {
                return signal;
            }
        }
        throw ConciergeException.badInput(
                "line " + line, "bad signal " + quoted(value) + " (expected PURCHASE, ADD_TO_CART or VIEW)");
    }

    private static String required(String value, String column, int line) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw ConciergeException.badInput("line " + line, "empty " + column);
        }
        return stripped;
    }

    /**
     * Splits a line at commas outside quotes. A field starting with a quote (after blanks) runs to
     * the closing quote, with {@code ""} standing for a quote; unquoted fields are taken as they are.
     */
    static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int length = line.length();
        while (true) {
            int start = i;
            while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                i++;
            }
            if (i < length && line.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                i++;
                while (true) {
                    if (i >= length) {
                        throw ConciergeException.badInput(
                                "line " + number, "unterminated quote in column " + (fields.size() + 1));
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < length && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < length && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < length && line.charAt(i) != ',') {
                    throw ConciergeException.badInput(
                            "line " + number, "unexpected text after the quoted column " + (fields.size() + 1));
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', start);
                i = comma < 0 ? length : comma;
                fields.add(line.substring(start, i));
            }
            if (i >= length) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** A value for a message: quoted, shortened when long. */
    static String quoted(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "…" : value;
        return "'" + shown + "'";
    }

    /** Where the columns are. */
    private static final class Header {

        final int columns;
        final int user;
        final int item;
        final int timestamp;
        final int signal;

        private Header(int columns, int user, int item, int timestamp, int signal) {
            this.columns = columns;
            this.user = user;
            this.item = item;
            this.timestamp = timestamp;
            this.signal = signal;
        }

        static Header parse(String line, int number) {
            List<String> names = fields(line, number);
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).strip().toLowerCase(Locale.ROOT);
                if (positions.putIfAbsent(name, i) != null && isKnown(name)) {
                    throw ConciergeException.badInput(
                            "line " + number, "the header names the column '" + name + "' twice");
                }
            }
            List<String> missing = new ArrayList<>();
            for (String required : List.of("user", "item", "timestamp")) {
                if (!positions.containsKey(required)) {
                    missing.add(required);
                }
            }
            if (missing.size() == 3) {
                throw ConciergeException.badInput(
                        "line " + number,
                        "missing header: expected a first line naming the columns user, item and timestamp, found "
                                + quoted(line.strip()));
            }
            if (!missing.isEmpty()) {
                throw ConciergeException.badInput(
                        "line " + number,
                        "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                                + " in the header (found " + quoted(line.strip()) + ")");
            }
            return new Header(
                    names.size(),
                    positions.get("user"),
                    positions.get("item"),
                    positions.get("timestamp"),
                    positions.getOrDefault("signal", -1));
        }

        private static boolean isKnown(String name) {
            return name.equals("user") || name.equals("item") || name.equals("timestamp") || name.equals("signal");
        }
    }
}
