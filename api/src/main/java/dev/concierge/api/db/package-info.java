/** Database start-up (migrations, partitions, demo data) and R2DBC helpers. */
@NullMarked
package dev.concierge.api.db;

import org.jspecify.annotations.NullMarked;
