/** Staff accounts, roles, API keys, login and the security rules of every page and endpoint. */
package org.diwan.staff;
