package org.diwan.staff;

/**
 * Something happened to a staff account, an API key or a login; {@code action} is a stable name
 * such as {@code staff.created} or {@code login.failed}, {@code subject} whom it concerns.
 */
public record StaffChanged(String actor, String action, String subject, String detail) {}
