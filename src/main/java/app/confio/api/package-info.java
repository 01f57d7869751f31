/**
 * The GraphQL endpoint's own rules, before and beneath the product's: every request body read once
 * and bounded ({@code GraphQLRequestFilter}, {@code RequestLimits}), and amounts read strictly by
 * the schema's {@code BigDecimal} scalar ({@code StrictDecimals}).
 */
package app.confio.api;
