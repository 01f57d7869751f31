/**
 * The development server behind {@code mvn -Prun}: an embedded PostgreSQL, demo data from the
 * generator, a token key pair and an admin password kept outside the repository, and the built WAR
 * on Payara Micro. Development code: compiled apart from the server and never shipped; the tests
 * reuse its key pair and password files.
 */
package app.confio.devserver;
