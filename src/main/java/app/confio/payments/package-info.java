/**
 * Money moving between people: sending to another person, paying a business, converting between
 * currencies. Each writes its own table and fires {@code MoneyMoved} in the same transaction.
 */
package app.confio.payments;
