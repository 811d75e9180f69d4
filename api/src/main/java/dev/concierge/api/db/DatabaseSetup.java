package dev.concierge.api.db;

import dev.concierge.api.config.ConciergeProperties;
import dev.concierge.api.demo.DemoDataLoader;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the database up to date before the application serves: Flyway migrations, this season's
 * browsing-event partitions, and the demo data on the first start of an empty database.
 */
public final class DatabaseSetup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);

    /** Months of browsing-event partitions kept ready behind and ahead of today. */
    static final int PARTITION_MONTHS_BACK = 13;

    static final int PARTITION_MONTHS_AHEAD = 3;

    private final ConciergeProperties properties;
    private final Clock clock;

    public DatabaseSetup(ConciergeProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** Runs every step; blocking, once, at start-up. */
    public void run() {
        DataSource dataSource = dataSource(properties.database());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .connectRetries(5)
                .load()
                .migrate();
        try (Connection connection = dataSource.getConnection()) {
            LocalDate thisMonth = LocalDate.now(clock).withDayOfMonth(1);
            try (PreparedStatement statement =
                    connection.prepareStatement("select ensure_browsing_event_partitions(?, ?)")) {
                statement.setDate(1, Date.valueOf(thisMonth.minusMonths(PARTITION_MONTHS_BACK)));
                statement.setDate(2, Date.valueOf(thisMonth.plusMonths(PARTITION_MONTHS_AHEAD)));
                statement.execute();
            }
            if (properties.demoData().enabled()) {
                var summary = new DemoDataLoader().loadIfEmpty(connection, LocalDate.now(clock));
                if (summary.loaded()) {
                    log.info("Loaded the demo data: {}", summary);
                } else {
                    log.info("The database already holds customers; demo data not loaded");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the database: " + e.getMessage(), e);
        }
    }

    static DataSource dataSource(ConciergeProperties.Database database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.username());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
