/**
 * Who may see the metrics and run the trust tools: admin accounts (PBKDF2 hashes, the first one
 * from configuration), the authentication of {@code /admin} (dashboard, form login with a session)
 * and {@code /api/admin} (Basic, or the dashboard's session), and MP-JWT for everything else.
 */
package app.confio.admin;
