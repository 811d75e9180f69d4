package dev.concierge.personalization.recommendation;

import static dev.concierge.personalization.recommendation.Interaction.Signal.ADD_TO_CART;
import static dev.concierge.personalization.recommendation.Interaction.Signal.PURCHASE;
import static dev.concierge.personalization.recommendation.Interaction.Signal.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.concierge.personalization.ConciergeException;
import dev.concierge.personalization.ErrorCode;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InteractionsCsvTests {

    static Stream<Arguments> timestamps() {
        return Stream.of(
                argumentSet("ISO date: start of the day, UTC", "2024-05-01", "2024-05-01T00:00:00Z"),
                argumentSet("date-time in UTC", "2024-05-01T10:15:30Z", "2024-05-01T10:15:30Z"),
                argumentSet("date-time with an offset", "2024-05-01T10:15:30+02:00", "2024-05-01T08:15:30Z"),
                argumentSet("date-time with fractions", "2024-05-01T10:15:30.250Z", "2024-05-01T10:15:30.250Z"),
                argumentSet(
                        "date-time with an offset and a zone id",
                        "2024-05-01T10:15:30+02:00[Europe/Paris]",
                        "2024-05-01T08:15:30Z"),
                argumentSet("local date-time: UTC", "2024-05-01T10:15:30", "2024-05-01T10:15:30Z"),
                argumentSet("local date-time without seconds", "2024-05-01T10:15", "2024-05-01T10:15:00Z"),
                argumentSet("a space for the T", "2024-05-01 10:15:30", "2024-05-01T10:15:30Z"),
                argumentSet("epoch seconds", "1714558530", "2024-05-01T10:15:30Z"),
                argumentSet("epoch seconds before 1970", "-86400", "1969-12-31T00:00:00Z"),
                argumentSet("blanks around", "  2024-05-01  ", "2024-05-01T00:00:00Z"));
    }

    @ParameterizedTest
    @MethodSource("timestamps")
    void read_everyTimestampForm(String timestamp, String expected) {
        List<Interaction> rows = read("user,item,timestamp\nu1,sku-1," + timestamp + "\n");

        assertThat(rows).containsExactly(new Interaction("u1", "sku-1", Instant.parse(expected), PURCHASE));
    }

    @Test
    void read_columnsInAnyOrderAndCase_otherColumnsIgnored() {
        List<Interaction> rows = read("""
                Timestamp,price,ITEM,store,User
                2024-05-01,12.50,sku-1,nyc,u1
                2024-05-02,99,sku-2,,u2
                """);

        assertThat(rows)
                .containsExactly(
                        new Interaction("u1", "sku-1", Instant.parse("2024-05-01T00:00:00Z"), PURCHASE),
                        new Interaction("u2", "sku-2", Instant.parse("2024-05-02T00:00:00Z"), PURCHASE));
    }

    @Test
    void read_quotedFields_mayHoldCommasAndQuotes() {
        List<Interaction> rows = read("user,item,timestamp,note\n"
                + "\"Smith, Jane\",\"ring \"\"aurora\"\"\",2024-05-01,\"a, b\"\n"
                + " \"u2\" , sku-2 ,2024-05-02,\n");

        assertThat(rows)
                .containsExactly(
                        new Interaction(
                                "Smith, Jane", "ring \"aurora\"", Instant.parse("2024-05-01T00:00:00Z"), PURCHASE),
                        new Interaction("u2", "sku-2", Instant.parse("2024-05-02T00:00:00Z"), PURCHASE));
    }

    @Test
    void read_signalColumn_anyCase_emptyMeansPurchase() {
        List<Interaction> rows = read("""
                user,item,timestamp,signal
                u1,a,2024-05-01,PURCHASE
                u1,b,2024-05-01,add_to_cart
                u1,c,2024-05-01,View
                u1,d,2024-05-01,
                u1,e,2024-05-01,add-to-cart
                """);

        assertThat(rows)
                .extracting(Interaction::signal)
                .containsExactly(PURCHASE, ADD_TO_CART, VIEW, PURCHASE, ADD_TO_CART);
    }

    @Test
    void read_repeatedRowsBlankLinesCrLfAndAByteOrderMark_kept() {
        List<Interaction> rows = read("\uFEFFuser,item,timestamp\r\nu1,a,2024-05-01\r\n\r\nu1,a,2024-05-01\r\n");

        Interaction row = new Interaction("u1", "a", Instant.parse("2024-05-01T00:00:00Z"), PURCHASE);
        assertThat(rows).containsExactly(row, row);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                argumentSet(
                        "empty file",
                        "",
                        "line 1",
                        "empty file: expected a header with the columns user, item and timestamp"),
                argumentSet(
                        "blank lines only",
                        "\n  \n",
                        "line 3",
                        "empty file: expected a header with the columns user, item and timestamp"),
                argumentSet(
                        "no header",
                        "u1,sku-1,2024-05-01\n",
                        "line 1",
                        "missing header: expected a first line naming the columns user, item and timestamp, found"
                                + " 'u1,sku-1,2024-05-01'"),
                argumentSet(
                        "a missing column",
                        "user,item,when\nu1,sku-1,2024-05-01\n",
                        "line 1",
                        "missing column timestamp in the header (found 'user,item,when')"),
                argumentSet(
                        "two missing columns",
                        "customer,item,when\n",
                        "line 1",
                        "missing columns user, timestamp in the header (found 'customer,item,when')"),
                argumentSet(
                        "a column named twice",
                        "user,item,timestamp,item\n",
                        "line 1",
                        "the header names the column 'item' twice"),
                argumentSet(
                        "header only",
                        "user,item,timestamp\n",
                        "line 2",
                        "no data rows: expected at least one interaction after the header"),
                argumentSet(
                        "a bad timestamp, counting blank lines",
                        "user,item,timestamp\nu1,a,2024-05-01\n\nu1,b,2024-05-02\nu2,c,2024-05-03\nu2,d,2024-05-04\nu3,e,yesterday\n",
                        "line 7",
                        "bad timestamp 'yesterday' (expected ISO-8601 date or date-time, or epoch seconds)"),
                argumentSet(
                        "an impossible date",
                        "user,item,timestamp\nu1,a,2024-02-30\n",
                        "line 2",
                        "bad timestamp '2024-02-30' (expected ISO-8601 date or date-time, or epoch seconds)"),
                argumentSet(
                        "epoch milliseconds",
                        "user,item,timestamp\nu1,a,1714558530000\n",
                        "line 2",
                        "bad timestamp '1714558530000' (epoch seconds too large: milliseconds? expected ISO-8601 date"
                                + " or date-time, or epoch seconds)"),
                argumentSet(
                        "fractional epoch seconds",
                        "user,item,timestamp\nu1,a,1714558530.5\n",
                        "line 2",
                        "bad timestamp '1714558530.5' (expected ISO-8601 date or date-time, or epoch seconds)"),
                argumentSet(
                        "too few columns",
                        "user,item,timestamp\nu1,a,2024-05-01\nu1,b\n",
                        "line 3",
                        "expected 3 columns as in the header, found 2"),
                argumentSet(
                        "too many columns",
                        "user,item,timestamp\nu1,a,2024-05-01,extra\n",
                        "line 2",
                        "expected 3 columns as in the header, found 4"),
                argumentSet("an empty user", "user,item,timestamp\n ,a,2024-05-01\n", "line 2", "empty user"),
                argumentSet("an empty timestamp", "user,item,timestamp\nu1,a,\n", "line 2", "empty timestamp"),
                argumentSet(
                        "a bad signal",
                        "user,item,timestamp,signal\nu1,a,2024-05-01,like\n",
                        "line 2",
                        "bad signal 'like' (expected PURCHASE, ADD_TO_CART or VIEW)"),
                argumentSet(
                        "an unterminated quote",
                        "user,item,timestamp\n\"u1,a,2024-05-01\n",
                        "line 2",
                        "unterminated quote in column 1"),
                argumentSet(
                        "text after a quoted field",
                        "user,item,timestamp\n\"u1\"x,a,2024-05-01\n",
                        "line 2",
                        "unexpected text after the quoted column 1"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void read_badFile_saysWhereAndWhat(String csv, String line, String message) {
        assertThatExceptionOfType(ConciergeException.class)
                .isThrownBy(() -> read(csv))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
                    assertThat(e.inputPath()).isEqualTo(line);
                    assertThat(e.getMessage()).isEqualTo(line + ": " + message);
                });
    }

    static List<Interaction> read(String csv) {
        return InteractionsCsv.read(new StringReader(csv));
    }
}
