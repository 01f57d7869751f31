/**
 * What every component stands on: the datasource and its migrations, the JAX-RS application that
 * switches MP-JWT on for the whole WAR, and the base of every error a caller can cause.
 */
package app.confio.platform;
