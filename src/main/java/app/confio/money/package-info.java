/**
 * Balances and how they move. Every movement is a set of postings applied by {@code Ledger} in one
 * transaction, with the affected rows locked in id order, so concurrent requests on one account
 * never overdraw it and never deadlock against each other.
 */
package app.confio.money;
