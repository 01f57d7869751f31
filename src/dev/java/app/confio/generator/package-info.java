/**
 * A command-line data generator that fills a Confío database with many users and two years of
 * realistic, reproducible activity in all eight activity tables, so that activity metrics can be
 * measured at production scale.
 */
package app.confio.generator;
