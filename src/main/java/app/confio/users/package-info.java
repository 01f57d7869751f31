/**
 * People and how they sign in: registration, password login, short-lived MP-JWT access tokens and
 * rotating refresh tokens. Every login and session refresh leaves a row in {@code login_events}.
 */
package app.confio.users;
