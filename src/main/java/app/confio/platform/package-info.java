/**
 * What every component stands on: the datasource and its migrations, the JAX-RS application that
 * switches MP-JWT on for the whole WAR, the base of every error a caller can cause, and who really
 * acts in a request (a staff member under an {@code act} claim), stamped on every activity row.
 */
package app.confio.platform;
