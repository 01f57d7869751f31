/**
 * Businesses on Confío: an owner creates one, adds employees, receives payments into the business's
 * own balances and pays money out. What an employee does on behalf of a business is recorded in
 * {@code business_operations} with the acting person.
 */
package app.confio.business;
