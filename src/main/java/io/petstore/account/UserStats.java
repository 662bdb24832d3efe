package io.petstore.account;

import java.time.LocalDate;
import java.util.Map;

/**
 * Users for the dashboard.
 * @param newPerDay new users per UTC day of the range (days without any are absent)
 */
public record UserStats(Map<UserStatus, Long> byStatus, Map<LocalDate, Long> newPerDay) {
}
