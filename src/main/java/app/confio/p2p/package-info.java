/**
 * Peer-to-peer trading of crypto for local money. A maker publishes an offer; a taker opens a trade
 * on it, which moves the seller's crypto into escrow; the buyer pays outside Confío and marks the
 * trade paid; the seller releases the escrow to the buyer. Every change of state leaves a row in
 * {@code p2p_trade_events}; the two sides talk through {@code p2p_messages}.
 */
package app.confio.p2p;
