package org.diwan.staff;

import java.time.Instant;

/**
 * Someone the newsroom's provider signed in who has no staff account yet: they wait for an admin to
 * create one with their roles.
 */
public record SignInRequest(String email, String displayName, Instant firstAt, Instant lastAt) {}
