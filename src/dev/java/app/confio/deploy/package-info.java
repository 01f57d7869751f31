/**
 * What the container image carries beside the WAR: the health check that compose (and anyone
 * running the image by hand) asks, since the image has no shell, curl or wget. Not in the WAR.
 */
package app.confio.deploy;
