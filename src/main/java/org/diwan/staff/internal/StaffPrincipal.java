package org.diwan.staff.internal;

/**
 * A member of staff as authenticated, by password or through the newsroom's provider: the version
 * of the account's credentials the sign-in was made with ({@link StaffSessions}).
 */
interface StaffPrincipal {

  long sessionVersion();
}
