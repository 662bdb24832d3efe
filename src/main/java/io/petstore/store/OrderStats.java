package io.petstore.store;

import java.time.LocalDate;
import java.util.Map;

/**
 * Orders for the dashboard.
 * @param newPerDay new orders per UTC day of the range (days without any are absent)
 */
public record OrderStats(Map<OrderStatus, Long> byStatus, Map<LocalDate, Long> newPerDay) {
}
