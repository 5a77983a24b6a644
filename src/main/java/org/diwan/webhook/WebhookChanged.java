package org.diwan.webhook;

/** An admin changed a webhook endpoint ({@code action} as the audit log names it). */
public record WebhookChanged(String actor, String action, String subject, String detail) {}
