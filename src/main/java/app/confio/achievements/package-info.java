/**
 * Achievements: some are awarded by rules the moment money first moves a certain way (first send,
 * first trade), others are claimed. Each is earned at most once.
 */
package app.confio.achievements;
